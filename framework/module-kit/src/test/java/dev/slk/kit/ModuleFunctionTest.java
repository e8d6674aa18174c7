package dev.slk.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.spi.CoreResources;
import dev.slk.spi.HealthCheck;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sqs.Queue;

class ModuleFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private ModuleFunction.Builder builder(Stack stack) throws IOException {
        Path zip = Files.write(temp.resolve("f.zip"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0});
        return ModuleFunction.builder(stack, "Fn").handler("a.B::handle").code(zip);
    }

    private static FunctionDefaults defaults(Key key) {
        return new FunctionDefaults(key, true, 30, false, "/slk/demo-dev");
    }

    @Test
    void withTheSharedKeyTheLogGroupDeadLetterQueueAndEnvironmentAreEncryptedWithIt() throws IOException {
        Stack stack = new Stack(new App(), "S");
        Key key = Key.Builder.create(stack, "SharedKey").enableKeyRotation(true).build();
        ModuleFunction built = builder(stack).schedule("rate(1 hour)").environment(Map.of("A_SECRET_NAME", "s"))
                .build(defaults(key));
        JsonNode resources = JSON.valueToTree(Template.fromStack(stack).toJSON()).path("Resources");
        String keyId = stack.getLogicalId((software.amazon.awscdk.CfnElement) key.getNode().getDefaultChild());
        JsonNode function = resources.path("Fn9270CBC0").path("Properties");
        assertEquals("java21", function.path("Runtime").asText());
        assertEquals("arm64", function.at("/Architectures/0").asText());
        assertEquals(keyId, function.at("/KmsKeyArn/Fn::GetAtt/0").asText());
        assertEquals("s", function.at("/Environment/Variables/A_SECRET_NAME").asText());
        assertEquals("Fn", function.at("/Environment/Variables/POWERTOOLS_SERVICE_NAME").asText());
        JsonNode logGroup = resources.path(function.at("/LoggingConfig/LogGroup/Ref").asText()).path("Properties");
        assertEquals(keyId, logGroup.at("/KmsKeyId/Fn::GetAtt/0").asText());
        assertEquals(30, logGroup.path("RetentionInDays").asInt());
        JsonNode dlq = resources.path(function.at("/DeadLetterConfig/TargetArn/Fn::GetAtt/0").asText());
        assertEquals(keyId, dlq.at("/Properties/KmsMasterKeyId/Fn::GetAtt/0").asText());
        assertTrue(built.schedule().isPresent());
        assertTrue(resources.path("FnRoleD5D7E3CD").at("/Properties/ManagedPolicyArns").isMissingNode());
    }

    @Test
    void withoutAKeyQueuesUseSqsEncryptionAndNothingNamesAKey() throws IOException {
        Stack stack = new Stack(new App(), "S");
        builder(stack).build(defaults(null));
        String template = JSON.valueToTree(Template.fromStack(stack).toJSON()).toString();
        assertTrue(template.contains("\"SqsManagedSseEnabled\":true"), template);
        assertFalse(template.contains("KmsKeyArn") || template.contains("KmsKeyId"), template);
    }

    @Test
    void withoutSlksLogGroupsTheRoleMayWriteOnlyLambdasGroupOfTheFunction() throws IOException {
        Stack stack = new Stack(new App(), "S");
        builder(stack).functionName("demo-fn").withoutDeadLetterQueue()
                .build(new FunctionDefaults(null, false, 30, false, "/slk/demo-dev"));
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::Logs::LogGroup", 0);
        template.resourceCountIs("AWS::SQS::Queue", 0);
        assertTrue(JSON.valueToTree(template.toJSON()).toString().contains("log-group:/aws/lambda/demo-fn:*"));
    }

    @Test
    void variablesThatLookLikeSecretsOrRedefineTheFunctionsOwnAreRefused() throws IOException {
        Stack stack = new Stack(new App(), "S");
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class, () -> builder(stack)
                .userEnvironment(Map.of("DB_PASSWORD", "x"), "x.environment").build(defaults(null)));
        assertTrue(secret.getMessage().startsWith("x.environment.DB_PASSWORD: environment variable DB_PASSWORD "
                + "looks like it holds a secret"), secret.getMessage());
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class, () -> builder(stack)
                .environment(Map.of("MODULE_ID", "m")).userEnvironment(Map.of("MODULE_ID", "n"), "x.environment")
                .build(defaults(null)));
        assertEquals("x.environment.MODULE_ID is set by slk; remove it from the config", own.getMessage());
        IllegalArgumentException aws = assertThrows(IllegalArgumentException.class, () -> builder(stack)
                .userEnvironment(Map.of("AWS_REGION", "n"), "x.environment").build(defaults(null)));
        assertEquals("x.environment.AWS_REGION: environment variable AWS_REGION is reserved by Lambda; a deployment "
                + "that sets it fails", aws.getMessage());
        assertEquals("x.environment.POWERTOOLS_SERVICE_NAME is set by slk; remove it from the config",
                assertThrows(IllegalArgumentException.class, () -> builder(stack)
                        .userEnvironment(Map.of("POWERTOOLS_SERVICE_NAME", "n"), "x.environment")
                        .build(defaults(null))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder(stack).environment(Map.of("API_TOKEN", "t"))
                .build(defaults(null)));
    }

    @Test
    void aScheduleSlkCannotParseOrAMissingHandlerIsRefused() throws IOException {
        Stack stack = new Stack(new App(), "S");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder(stack).schedule("rate(5 minute)").build(defaults(null)));
        assertTrue(e.getMessage().startsWith("Fn: schedule rate(5 minute): "), e.getMessage());
        assertEquals("Other: no handler given", assertThrows(IllegalArgumentException.class,
                () -> ModuleFunction.builder(stack, "Other").build(defaults(null))).getMessage());
    }

    @Test
    void standardAlarmsWatchErrorsThrottlesAndDeadLetters() throws IOException {
        Stack stack = new Stack(new App(), "S");
        ModuleFunction built = builder(stack).build(defaults(null));
        ModuleResources created = built.addTo(ModuleResources.builder(), "Processor").build();
        List<HealthCheck> checks = StandardAlarms.of(created, "Processor", "processor");
        assertEquals(List.of("processor-errors", "processor-throttles", "processor-dead-letters"),
                checks.stream().map(HealthCheck::name).toList());
        assertEquals(List.of("Errors", "Throttles", "ApproximateNumberOfMessagesVisible"),
                checks.stream().map(HealthCheck::metricName).toList());
        assertEquals(2, StandardAlarms.of(built.function(), null, "p").size());
    }

    @Test
    void aModulesDefaultsComeFromItsProjectView() {
        Stack stack = new Stack(new App(), "S");
        Queue queue = Queue.Builder.create(stack, "Events").build();
        Key key = Key.Builder.create(stack, "SharedKey").build();
        FunctionDefaults prod = FunctionDefaults.of(new CoreResources(queue, null, key, "bucket",
                new Project("demo", "prod", "eu-west-1", Optional.empty(), Map.of(), 400)));
        assertEquals(400, prod.logRetentionDays());
        assertTrue(prod.logGroups(), "a module function's logs never go to a group without retention");
        assertTrue(prod.retain());
        assertEquals(key, prod.key().orElseThrow());
        assertEquals("/slk/demo-prod/okta/event-processor", prod.moduleLogGroupName("okta", "event-processor"));
        FunctionDefaults dev = FunctionDefaults.of(new CoreResources(queue, null, null, "bucket",
                new Project("demo", "dev", "eu-west-1", Optional.empty(), Map.of(), 7)));
        assertFalse(dev.retain());
        assertTrue(dev.key().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new FunctionDefaults(null, true, 0, false, "/slk/x"));
    }

    @Test
    void anUnbuiltPackageIsReportedWithWhereItWasLookedForAndTheBuildCommand() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FunctionArtifact.locate(
                String.class, "modules/okta", "src/lambda/event-processor/target/okta-event-processor-lambda.zip"));
        assertTrue(e.getMessage().endsWith("does not exist; build it with mvn -B -ntp package -pl "
                + "modules/okta/src/lambda/event-processor -am"), e.getMessage());
    }

    @Test
    void aPackageBelowTheWorkingDirectoryIsFound() throws IOException {
        Path relative = Path.of("target", "kit-test", "lambda.zip");
        Files.createDirectories(relative.getParent());
        Files.write(relative, new byte[] {1});
        assertEquals(relative.toAbsolutePath(), FunctionArtifact.locate(String.class, "target", "kit-test/lambda.zip"));
        assertTrue(FunctionArtifact.moduleDirectory(ModuleFunctionTest.class).isPresent());
    }
}
