/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.spi.CoreResources;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.PermissionStatement;
import dev.slk.spi.Project;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A stand-in for slk's core stack: shared key and event queue, and the framework's hook sequence
 * (createResources, then each statement attached to the role of the function it names), with the
 * AWS Solutions rules of cdk-nag on the module's scope.
 */
final class TestCore {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";

    record Deployment(Stack stack, CoreResources core, ModuleResources created, List<PermissionStatement> statements,
            Key sharedKey, Queue eventQueue) {
    }

    private TestCore() {
    }

    static Deployment deploy(App app, String stackName, boolean withSharedKey, JsonNode config) {
        Stack stack = new Stack(app, stackName, StackProps.builder()
                .env(Environment.builder().account(ACCOUNT).region(REGION).build()).build());
        Key key = withSharedKey ? Key.Builder.create(stack, "SharedKey").enableKeyRotation(true).build() : null;
        Queue.Builder dlq = Queue.Builder.create(stack, "EventDlq").enforceSsl(true);
        Queue.Builder queue = Queue.Builder.create(stack, "EventQueue").enforceSsl(true)
                .visibilityTimeout(Duration.minutes(5));
        if (key != null) {
            dlq.encryption(QueueEncryption.KMS).encryptionMasterKey(key);
            queue.encryption(QueueEncryption.KMS).encryptionMasterKey(key);
        }
        Queue deadLetters = dlq.build();
        Queue events = queue.deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(3).build())
                .build();
        CoreResources core = new CoreResources(events, deadLetters, key,
                "aws-security-data-lake-" + REGION + "-examplebucket",
                new Project("demo", "dev", REGION, Optional.of(ACCOUNT), Map.of("Environment", "dev"), 90));
        Construct scope = new Construct(stack, "GoogleScc");
        GoogleSccModule module = new GoogleSccModule();
        ModuleResources created = module.createResources(scope, core, config);
        List<PermissionStatement> statements = module.requiredPermissions(created, core, config);
        statements.forEach(statement -> created.function(statement.function()).getRole()
                .addToPrincipalPolicy(statement.toPolicyStatement()));
        Aspects.of(scope).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return new Deployment(stack, core, created, statements, key, events);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
