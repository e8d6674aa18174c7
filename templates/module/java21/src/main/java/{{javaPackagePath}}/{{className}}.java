/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}};

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.kit.FunctionArtifact;
import dev.slk.kit.FunctionDefaults;
import dev.slk.kit.ModuleFunction;
import dev.slk.kit.StandardAlarms;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.EnvironmentVariables;
import dev.slk.spi.HealthCheck;
import dev.slk.spi.JsiiMaps;
import dev.slk.spi.ModuleOutput;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.PermissionStatement;
import dev.slk.spi.ValidationResult;
import dev.slk.spi.schedule.InvalidScheduleException;
import dev.slk.spi.schedule.ScheduleExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.constructs.Construct;

/**
 * {{moduleDescription}}
 *
 * <p>An event processor Lambda function runs on a schedule, fetches events from the source with
 * the credentials in one Secrets Manager secret, and sends them to the core event queue. slk's
 * module kit builds it as it builds every function (role, log group, dead-letter queue,
 * encryption, schedule, alarms); the framework grants its role exactly the statements of
 * {@link #requiredPermissions}.
 */
public final class {{className}} extends BaseIntegrationModule {
    /** The module id: the key under {@code integrations:} in config.yaml. */
    public static final String ID = "{{moduleId}}";
    /** The handler of the event processor, in src/lambda/event-processor. */
    static final String HANDLER = "{{javaPackage}}.lambda.EventProcessorHandler::handleRequest";
    /** Variables the module sets itself; the config's environment block may not override them. */
    static final Set<String> RESERVED_VARIABLES = Set.of("MODULE_ID", "EVENT_QUEUE_URL", "CREDENTIALS_SECRET_NAME",
            "SOURCE_URL", "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_LOG_LEVEL", "JAVA_TOOL_OPTIONS");
    /** The package the event processor's build writes, relative to this module's directory. */
    static final String ARTIFACT = "src/lambda/event-processor/target/{{moduleId}}-event-processor-lambda.zip";
    /** The name under which createResources returns the function to the later hooks. */
    static final String FUNCTION = "EventProcessor";

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
            if (RESERVED_VARIABLES.contains(name) || name.startsWith("AWS_")
                    || EnvironmentVariables.LAMBDA_RESERVED.contains(name)) {
                result.error(pointer, "environment variable " + name + " is set by the module or by Lambda itself",
                        "choose another name");
            } else if (EnvironmentVariables.looksLikeSecret(name)) {
                result.error(pointer, EnvironmentVariables.problem(name).orElseThrow(), "pass the secret's name");
            }
        }
        return result.build();
    }

    /** Creates the event processor with the module kit: function, role, log group, dead-letter queue, schedule. */
    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        ProcessorSettings settings = ProcessorSettings.from(config);
        if (!settings.enabled()) {
            return ModuleResources.none();
        }
        FunctionDefaults defaults = FunctionDefaults.of(core);
        ModuleFunction processor = ModuleFunction.builder(scope, resourceId(FUNCTION))
                .description(moduleName() + " event processor (slk module " + ID + " " + moduleVersion() + ")")
                .handler(HANDLER)
                .code(FunctionArtifact.locate({{className}}.class, "{{moduleDir}}", ARTIFACT))
                .logGroupName(defaults.moduleLogGroupName(ID, "event-processor"))
                .memorySize(settings.memorySize())
                .timeoutSeconds(settings.timeout())
                .reservedConcurrency(settings.reservedConcurrentExecutions())
                .retryAttempts(2)
                .schedule(settings.schedule())
                .userEnvironment(settings.environment(), "integrations." + ID + ".config.eventProcessor.environment")
                .environment(JsiiMaps.sorted(Map.of("MODULE_ID", ID,
                        "EVENT_QUEUE_URL", core.eventQueue().getQueueUrl(),
                        "CREDENTIALS_SECRET_NAME", config.path("credentialsSecretName").asText(),
                        "SOURCE_URL", config.path("sourceUrl").asText(),
                        "POWERTOOLS_SERVICE_NAME", ID + "-event-processor",
                        "POWERTOOLS_LOG_LEVEL", settings.logLevel())))
                .build(defaults);
        return processor.addTo(ModuleResources.builder(), FUNCTION).build();
    }

    /**
     * The statements the event processor's role needs, each on one resource: reading this
     * module's secret, sending to the event queue, using the shared key. (The kit lets the role
     * write its own log group.)
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
                new ModuleOutput("EventProcessorDeadLetterQueueUrl",
                        ModuleFunction.deadLetterQueue(created, FUNCTION).getQueueUrl(),
                        "Failed asynchronous invocations of the " + ID + " event processor"));
    }

    /** The kit's standard alarms: errors, throttles, dead letters. */
    @Override
    public List<HealthCheck> healthChecks(ModuleResources created) {
        return created.isEmpty() ? List.of() : StandardAlarms.of(created, FUNCTION, "event-processor");
    }

    /** The secret's ARN with the six random characters Secrets Manager appends, matched one by one. */
    static String secretArn(String secretName) {
        return "arn:" + Aws.PARTITION + ":secretsmanager:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":secret:"
                + secretName + "-??????";
    }
}
