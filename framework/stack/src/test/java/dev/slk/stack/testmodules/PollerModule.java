package dev.slk.stack.testmodules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.HealthCheck;
import dev.slk.spi.ModuleOutput;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.PermissionStatement;
import dev.slk.spi.ValidationResult;
import dev.slk.stack.testing.TestArtifacts;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A module shaped like a real one (role, function, log group, schedule, async DLQ, health
 * check, output) whose config can make any hook fail, to test what synth does with modules.
 */
public final class PollerModule extends BaseIntegrationModule {
    private String failIn = "";
    private List<String> mappings = List.of();

    @Override
    public String moduleId() {
        return "poller";
    }

    @Override
    public String moduleName() {
        return "Poller";
    }

    @Override
    public String moduleVersion() {
        return "2.1.0";
    }

    @Override
    public String moduleDescription() {
        return "Test module that polls on a schedule";
    }

    @Override
    public ValidationResult validateConfig(JsonNode config) {
        return ValidationResult.ok();
    }

    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        failIn = config.path("failIn").asText("");
        List<String> files = new ArrayList<>();
        config.path("mappings").forEach(name -> files.add(name.asText()));
        mappings = List.copyOf(files);
        failIf("createResources");
        if (config.path("insecureBucket").asBoolean(false)) {
            new Bucket(scope, "InsecureBucket");
        }
        if (config.path("withoutRole").asBoolean(false)) {
            return ModuleResources.none();
        }
        Role role = Role.Builder.create(scope, "PollerRole").assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        LogGroup logs = LogGroup.Builder.create(scope, "PollerLogs").retention(RetentionDays.THREE_MONTHS).build();
        Queue dlq = Queue.Builder.create(scope, "PollerDlq").encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .build();
        NagSuppressions.addResourceSuppressions(dlq, List.of(NagPackSuppression.builder().id("AwsSolutions-SQS3")
                .reason("This queue is the poller's dead-letter queue for asynchronous invocations.").build()));
        Function function = Function.Builder.create(scope, "Poller")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler("example.Poller::handleRequest")
                .code(Code.fromAsset(TestArtifacts.anyZip().toString()))
                .memorySize(config.path("memorySize").asInt(512))
                .timeout(Duration.seconds(60))
                .reservedConcurrentExecutions(1)
                .deadLetterQueue(dlq)
                .role(role)
                .logGroup(logs)
                .environment(Map.of("EVENT_QUEUE_URL", core.eventQueue().getQueueUrl()))
                .build();
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder().id("AwsSolutions-L1")
                .reason("Tests pin the java21 runtime the framework's functions use.").build()));
        logs.grantWrite(role);
        core.eventQueue().grantSendMessages(role);
        core.sharedKey().ifPresent(key -> key.grantEncryptDecrypt(role));
        Rule.Builder.create(scope, "PollerSchedule").schedule(Schedule.rate(Duration.minutes(5)))
                .targets(List.of(new LambdaFunction(function))).build();
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("Log streams of the poller's own log group, and KMS data-key actions.").build()), true);
        ModuleResources.Builder created = ModuleResources.builder().function("Poller", function);
        if (config.path("reporter").asBoolean(false)) {
            created.function("Reporter", reporter(scope));
        }
        return created.build();
    }

    /** A second function with its own role, to prove that statements land only on the function they name. */
    private static Function reporter(Construct scope) {
        Role role = Role.Builder.create(scope, "ReporterRole").assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        Function reporter = Function.Builder.create(scope, "Reporter")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler("example.Reporter::handleRequest")
                .code(Code.fromAsset(TestArtifacts.anyZip().toString()))
                .role(role)
                .build();
        NagSuppressions.addResourceSuppressions(reporter, List.of(
                NagPackSuppression.builder().id("AwsSolutions-L1")
                        .reason("Tests pin the java21 runtime the framework's functions use.").build()));
        return reporter;
    }

    @Override
    public List<PermissionStatement> requiredPermissions(ModuleResources created, CoreResources core,
            JsonNode config) {
        failIf("requiredPermissions");
        List<PermissionStatement> statements = new ArrayList<>();
        String target = config.path("secretFor").asText("Poller");
        PermissionStatement secret = PermissionStatement.allow("ReadPollerSecret",
                List.of("secretsmanager:GetSecretValue"),
                List.of("arn:aws:secretsmanager:us-east-1:123456789012:secret:poller-AbCdEf"));
        statements.add(target.isEmpty() ? secret : secret.on(target));
        if (config.path("duplicateSid").asBoolean(false)) {
            statements.add(PermissionStatement.allow("ReadPollerSecret", List.of("secretsmanager:DescribeSecret"),
                    List.of("arn:aws:secretsmanager:us-east-1:123456789012:secret:poller-AbCdEf")).on("Poller"));
        }
        if (created.functions().containsKey("Reporter")) {
            statements.add(PermissionStatement.allow("PublishReports", List.of("sns:Publish"),
                    List.of("arn:aws:sns:us-east-1:123456789012:poller-reports")).on("Reporter"));
        }
        return statements;
    }

    @Override
    public List<ModuleOutput> outputs(ModuleResources created) {
        failIf("outputs");
        return created.isEmpty() ? List.of() : List.of(new ModuleOutput("FunctionName",
                created.function("Poller").getFunctionName(), "the poller function"));
    }

    @Override
    public List<HealthCheck> healthChecks(ModuleResources created) {
        failIf("healthChecks");
        return created.isEmpty() ? List.of() : List.of(new HealthCheck("poller-errors", "The poller fails",
                "AWS/Lambda", "Errors", Map.of("FunctionName", created.function("Poller").getFunctionName()), "Sum",
                HealthCheck.Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 3, 300, 1));
    }

    @Override
    public List<java.net.URL> eventMappings() {
        failIf("eventMappings");
        return mappingResources(mappings.toArray(String[]::new));
    }

    private void failIf(String hook) {
        if (hook.equals(failIn)) {
            throw new IllegalStateException("the poller failed on purpose in " + hook);
        }
    }
}
