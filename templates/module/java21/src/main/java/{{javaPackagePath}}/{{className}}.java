/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}};

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.HealthCheck;
import dev.slk.spi.JsiiMaps;
import dev.slk.spi.ModuleOutput;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.PermissionStatement;
import dev.slk.spi.ValidationResult;
import dev.slk.spi.schedule.InvalidScheduleException;
import dev.slk.spi.schedule.ScheduleExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * {{moduleDescription}}
 *
 * <p>An event processor Lambda function runs on a schedule, fetches events from the source with
 * the credentials in one Secrets Manager secret, and sends them to the core event queue. Each
 * function has a role of its own that the framework grants exactly the statements of
 * {@link #requiredPermissions}, a dead-letter queue for failed asynchronous invocations, and a
 * log group with the project's retention.
 */
public final class {{className}} extends BaseIntegrationModule {
    /** The module id: the key under {@code integrations:} in config.yaml. */
    public static final String ID = "{{moduleId}}";
    /** The handler of the event processor, in src/lambda/event-processor. */
    static final String HANDLER = "{{javaPackage}}.lambda.EventProcessorHandler::handleRequest";
    /** Variables the module sets itself; the config's environment block may not override them. */
    static final Set<String> RESERVED_VARIABLES = Set.of("MODULE_ID", "EVENT_QUEUE_URL", "CREDENTIALS_SECRET_NAME",
            "SOURCE_URL", "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL", "JAVA_TOOL_OPTIONS");
    /** Why the function runs java21 rather than the newest Java runtime (cdk-nag rule AwsSolutions-L1). */
    static final String JAVA_RUNTIME_REASON = "slk module functions target the java21 runtime on ARM64, "
            + "the runtime slk builds, tests and supports them on";
    private static final List<String> SECRET_WORDS = List.of("SECRET", "PASSWORD", "PASSWD", "TOKEN", "APIKEY",
            "API_KEY", "PRIVATE_KEY", "CREDENTIAL");
    private static final List<String> NAME_SUFFIXES = List.of("_NAME", "_ARN", "_ID", "_PATH");

    /** The names under which createResources returns its resources to the later hooks. */
    static final String FUNCTION = "EventProcessor";
    static final String LOG_GROUP = "EventProcessorLogs";
    static final String DEAD_LETTER_QUEUE = "EventProcessorDlq";

    /** Required by ServiceLoader; does no I/O and cannot fail. */
    public {{className}}() {
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public String moduleName() {
        return "{{moduleNameJava}}";
    }

    @Override
    public String moduleVersion() {
        return "{{moduleVersion}}";
    }

    @Override
    public String moduleDescription() {
        return "{{moduleDescriptionJava}}";
    }

    // configSchema() is inherited: config.schema.json next to this class.

    /**
     * What the schema cannot say: the timeout must fit in the schedule's interval, and extra
     * environment variables must neither replace the module's own nor carry secret values.
     */
    @Override
    public ValidationResult validateConfig(JsonNode config) {
        ValidationResult.Builder result = ValidationResult.builder();
        ProcessorSettings settings = ProcessorSettings.from(config);
        if (!settings.enabled()) {
            return result.build();
        }
        try {
            if (ScheduleExpression.parse(settings.schedule()) instanceof ScheduleExpression.Rate rate) {
                long interval = rate.value() * switch (rate.unit()) {
                    case MINUTE -> 60L;
                    case HOUR -> 3_600L;
                    case DAY -> 86_400L;
                };
                if (settings.timeout() > interval) {
                    result.error("/eventProcessor/timeout", "timeout " + settings.timeout()
                            + " s is longer than the schedule's interval (" + interval
                            + " s), so two runs could fetch the same events at once",
                            "lower the timeout or run less often");
                }
            }
        } catch (InvalidScheduleException e) {
            // slk reports it already: the schema marks the key "format": "eventbridge-schedule".
        }
        if (settings.reservedConcurrentExecutions() > 1) {
            result.warning("/eventProcessor/reservedConcurrentExecutions", "with reserved concurrency "
                    + settings.reservedConcurrentExecutions() + ", a run can start before the previous one ends "
                    + "and send the same events twice", "use 1 unless the source hands out disjoint pages");
        }
        for (String name : settings.environment().keySet()) {
            String pointer = "/eventProcessor/environment/" + name.replace("~", "~0").replace("/", "~1");
            if (RESERVED_VARIABLES.contains(name) || name.startsWith("AWS_")) {
                result.error(pointer, "environment variable " + name + " is set by the module or by Lambda itself",
                        "choose another name");
            } else if (looksLikeSecret(name)) {
                result.error(pointer, "environment variable " + name + " looks like it holds a secret; "
                        + "environment variables are visible to anyone who can read the function's configuration",
                        "store the value in Secrets Manager and pass its name in a variable ending in _NAME");
            }
        }
        return result.build();
    }

    private static boolean looksLikeSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(upper::contains) && NAME_SUFFIXES.stream().noneMatch(upper::endsWith);
    }

    /**
     * Creates the event processor: its role (without statements: the framework attaches those
     * of {@link #requiredPermissions}), log group, dead-letter queue, function and schedule.
     */
    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        ProcessorSettings settings = ProcessorSettings.from(config);
        if (!settings.enabled()) {
            return ModuleResources.none();
        }
        Role role = Role.Builder.create(scope, resourceId("EventProcessorRole"))
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs the " + ID + " event processor; its statements are granted by slk")
                .build();
        LogGroup logGroup = LogGroup.Builder.create(scope, resourceId("EventProcessorLogs"))
                .logGroupName("/slk/" + core.project().name() + "-" + core.project().environment() + "/" + ID
                        + "/event-processor")
                .removalPolicy(core.project().production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        // Any retention CloudWatch accepts, exactly as configured (the CDK enum names only some of them).
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(core.project().logRetentionDays());
        Queue.Builder deadLetters = Queue.Builder.create(scope, resourceId("EventProcessorDlq"))
                .retentionPeriod(Duration.days(14))
                .enforceSsl(true);
        core.sharedKey().ifPresentOrElse(
                key -> deadLetters.encryption(QueueEncryption.KMS).encryptionMasterKey(key),
                () -> deadLetters.encryption(QueueEncryption.SQS_MANAGED));
        Queue deadLetterQueue = deadLetters.build();
        Map<String, String> environment = new LinkedHashMap<>(settings.environment());
        environment.put("MODULE_ID", ID);
        environment.put("EVENT_QUEUE_URL", core.eventQueue().getQueueUrl());
        environment.put("CREDENTIALS_SECRET_NAME", config.path("credentialsSecretName").asText());
        environment.put("SOURCE_URL", config.path("sourceUrl").asText());
        environment.put("POWERTOOLS_SERVICE_NAME", ID + "-event-processor");
        environment.put("POWERTOOLS_LOG_LEVEL", settings.logLevel());
        Function function = Function.Builder.create(scope, resourceId("EventProcessor"))
                .description(moduleName() + " event processor (slk module " + ID + " " + moduleVersion() + ")")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(Code.fromAsset(LambdaArtifact.locate({{className}}.class).toString()))
                .role(role)
                .memorySize(settings.memorySize())
                .timeout(Duration.seconds(settings.timeout()))
                .reservedConcurrentExecutions(settings.reservedConcurrentExecutions())
                .environment(JsiiMaps.sorted(environment))
                .logGroup(logGroup)
                .deadLetterQueue(deadLetterQueue)
                .retryAttempts(2)
                .build();
        // The one AWS Solutions rule this function does not meet, on purpose: slk builds module functions
        // for java21 (see its design notes), while the rule asks for the newest Java runtime.
        ((CfnFunction) function.getNode().getDefaultChild()).addMetadata("cdk_nag", JsiiMaps.sorted(Map.of("rules_to_suppress",
                List.of(Map.of("id", "AwsSolutions-L1", "reason", JAVA_RUNTIME_REASON)))));
        Rule.Builder.create(scope, resourceId("EventProcessorSchedule"))
                .description("Runs the " + ID + " event processor")
                .schedule(Schedule.expression(settings.schedule()))
                .targets(List.of(new LambdaFunction(function)))
                .build();
        return ModuleResources.builder()
                .function(FUNCTION, function)
                .resource(LOG_GROUP, logGroup)
                .resource(DEAD_LETTER_QUEUE, deadLetterQueue)
                .build();
    }

    /**
     * The statements the event processor's role needs, each on one resource: reading this
     * module's secret, sending to the event queue, using the shared key, writing its log group.
     */
    @Override
    public List<PermissionStatement> requiredPermissions(ModuleResources created, CoreResources core,
            JsonNode config) {
        if (created.isEmpty()) {
            return List.of();
        }
        List<PermissionStatement> statements = new ArrayList<>();
        statements.add(PermissionStatement.allow(statementId("ReadCredentials"),
                List.of("secretsmanager:GetSecretValue"),
                List.of(secretArn(config.path("credentialsSecretName").asText()))));
        statements.add(PermissionStatement.allow(statementId("SendEvents"),
                List.of("sqs:SendMessage"),
                List.of(core.eventQueue().getQueueArn())));
        core.sharedKey().ifPresent(key -> statements.add(PermissionStatement.allow(statementId("UseSharedKey"),
                List.of("kms:Decrypt", "kms:GenerateDataKey"),
                List.of(key.getKeyArn()))));
        statements.add(PermissionStatement.allow(statementId("WriteLogs"),
                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(created.resource(LOG_GROUP, LogGroup.class).getLogGroupArn())));
        return statements.stream().map(statement -> statement.on(FUNCTION)).toList();
    }

    @Override
    public List<ModuleOutput> outputs(ModuleResources created) {
        if (created.isEmpty()) {
            return List.of();
        }
        return List.of(
                new ModuleOutput("EventProcessorFunctionName", created.function(FUNCTION).getFunctionName(),
                        "Name of the " + ID + " event processor function"),
                new ModuleOutput("EventProcessorDeadLetterQueueUrl", created.resource(DEAD_LETTER_QUEUE, Queue.class).getQueueUrl(),
                        "Failed asynchronous invocations of the " + ID + " event processor"));
    }

    @Override
    public List<HealthCheck> healthChecks(ModuleResources created) {
        if (created.isEmpty()) {
            return List.of();
        }
        return List.of(
                new HealthCheck("event-processor-errors",
                        "The " + ID + " event processor failed; read its log group, then check the source and its secret",
                        "AWS/Lambda", "Errors", Map.of("FunctionName", created.function(FUNCTION).getFunctionName()),
                        "Sum", HealthCheck.Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 300, 1),
                new HealthCheck("event-processor-dead-letters",
                        "Invocations of the " + ID + " event processor failed three times and were parked in its "
                                + "dead-letter queue",
                        "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                        Map.of("QueueName", created.resource(DEAD_LETTER_QUEUE, Queue.class).getQueueName()),
                        "Maximum", HealthCheck.Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 300, 1));
    }

    /** The secret's ARN with the six random characters Secrets Manager appends, matched one by one. */
    static String secretArn(String secretName) {
        return "arn:" + Aws.PARTITION + ":secretsmanager:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":secret:"
                + secretName + "-??????";
    }
}
