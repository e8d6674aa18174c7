/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.kit.FunctionArtifact;
import dev.slk.kit.FunctionDefaults;
import dev.slk.kit.ModuleFunction;
import dev.slk.kit.StandardAlarms;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.HealthCheck;
import dev.slk.spi.ModuleOutput;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.PermissionStatement;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.constructs.Construct;

/**
 * Microsoft Defender for Cloud and Entra ID events from Azure Event Hubs into Security Lake,
 * at-least-once: a scheduled function reads every partition from its checkpoint, sends the events
 * to the core event queue, and moves a partition's checkpoint (DynamoDB, forward only) only after
 * SQS accepted every event up to it.
 */
public final class AzureModule extends BaseIntegrationModule {
    /** The module id. */
    public static final String ID = "azure";
    /** The processor's handler. */
    public static final String HANDLER = "dev.slk.modules.azure.lambda.EventHubProcessorHandler::handleRequest";
    /** The namespace of the processor's own metrics (consumer lag). */
    public static final String METRICS_NAMESPACE = "slk/azure";
    /** A partition this many events behind its last enqueued event raises the consumer-lag alarm. */
    public static final int LAG_ALARM_THRESHOLD = 100_000;
    static final String PROCESSOR = "EventHubProcessor";
    static final String CHECKPOINTS = "CheckpointTable";
    static final String SECRET = "CredentialsSecret";
    static final String PACKAGE = "src/lambda/event-hub-processor/target/azure-event-hub-processor-lambda.zip";

    /** Required by ServiceLoader; does no I/O. */
    public AzureModule() {
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public String moduleName() {
        return "Azure";
    }

    @Override
    public String moduleVersion() {
        return "1.0.0";
    }

    @Override
    public String moduleDescription() {
        return "Microsoft Defender for Cloud and Entra ID events from Azure Event Hubs, at-least-once";
    }

    @Override
    public dev.slk.spi.ValidationResult validateConfig(JsonNode config) {
        return ConfigRules.check(config);
    }

    @Override
    public List<URL> eventMappings() {
        return mappingResources(AzureMappings.FILES.toArray(String[]::new));
    }

    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        AzureSettings settings = AzureSettings.of(config);
        if (!settings.processorEnabled()) {
            return ModuleResources.none();
        }
        FunctionDefaults defaults = FunctionDefaults.of(core);
        ITable table = AzureResources.checkpointTable(scope, resourceId(CHECKPOINTS), core, settings,
                settings.tableName().map(name -> core.project().name() + "-" + name + "-"
                        + core.project().environment()));
        ModuleResources.Builder created = ModuleResources.builder().resource(CHECKPOINTS, table);
        AzureResources.credentialsSecret(scope, resourceId(SECRET), core, settings)
                .ifPresent(secret -> created.resource(SECRET, secret));
        ModuleFunction.Builder function = ModuleFunction.builder(scope, resourceId(PROCESSOR))
                .handler(HANDLER)
                .code(FunctionArtifact.locate(AzureModule.class, "modules/azure", PACKAGE))
                .description("Reads Azure Event Hubs into the slk event queue, at-least-once")
                .logGroupName(defaults.moduleLogGroupName(ID, "event-hub-processor"))
                .memorySize(settings.memorySize())
                .timeoutSeconds(settings.timeoutSeconds())
                .reservedConcurrency(settings.reservedConcurrency())
                .schedule(settings.schedule())
                .environment(environment(core, settings, table))
                .userEnvironment(settings.environment(), "eventHubProcessor.environment");
        settings.functionName().ifPresent(name -> function.functionName(core.project().name() + "-" + name + "-"
                + core.project().environment()));
        return function.build(defaults).addTo(created, PROCESSOR).build();
    }

    private static Map<String, String> environment(CoreResources core, AzureSettings settings, ITable table) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(ProcessorVariables.EVENT_QUEUE_URL, core.eventQueue().getQueueUrl());
        variables.put(ProcessorVariables.CREDENTIALS_SECRET_NAME, settings.secretName());
        variables.put(ProcessorVariables.CHECKPOINT_TABLE_NAME, table.getTableName());
        variables.put(ProcessorVariables.START_POSITION, settings.startPosition());
        variables.put(ProcessorVariables.MAX_EVENTS, Integer.toString(settings.maxEvents()));
        variables.put(ProcessorVariables.MAX_BYTES, Long.toString(settings.maxBytes()));
        variables.put(ProcessorVariables.MAX_SECONDS, Integer.toString(settings.maxSeconds()));
        variables.put(ProcessorVariables.RECEIVE_BATCH_SIZE, Integer.toString(settings.receiveBatchSize()));
        variables.put(ProcessorVariables.RECEIVE_WAIT_SECONDS, Integer.toString(settings.receiveWaitSeconds()));
        settings.consumerGroup().ifPresent(group -> variables.put(ProcessorVariables.CONSUMER_GROUP, group));
        // The reference's LOGGING_LEVEL keeps working: it sets the level of the function's logs.
        String level = settings.environment().get("LOGGING_LEVEL");
        if (level != null && !settings.environment().containsKey(ProcessorVariables.LOG_LEVEL)) {
            variables.put(ProcessorVariables.LOG_LEVEL, level);
        }
        return variables;
    }

    @Override
    public List<PermissionStatement> requiredPermissions(ModuleResources created, CoreResources core,
            JsonNode config) {
        if (created.isEmpty()) {
            return List.of();
        }
        AzureSettings settings = AzureSettings.of(config);
        List<PermissionStatement> statements = new ArrayList<>();
        statements.add(PermissionStatement.allow(statementId("ReadCredentials"),
                List.of("secretsmanager:GetSecretValue"),
                List.of(AzureResources.secretArn(created, core, settings))).on(PROCESSOR));
        statements.add(PermissionStatement.allow(statementId("SendEvents"), List.of("sqs:SendMessage"),
                List.of(core.eventQueue().getQueueArn())).on(PROCESSOR));
        statements.add(PermissionStatement.allow(statementId("Checkpoints"),
                List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
                List.of(created.resource(CHECKPOINTS, ITable.class).getTableArn())).on(PROCESSOR));
        core.sharedKey().ifPresent(key -> statements.add(PermissionStatement.allow(statementId("SharedKey"),
                List.of("kms:Decrypt", "kms:GenerateDataKey"), List.of(key.getKeyArn())).on(PROCESSOR)));
        return statements;
    }

    @Override
    public List<ModuleOutput> outputs(ModuleResources created) {
        if (created.isEmpty()) {
            return List.of();
        }
        return List.of(
                new ModuleOutput("ProcessorFunctionName", created.function(PROCESSOR).getFunctionName(),
                        "Name of the Event Hubs processor function"),
                new ModuleOutput("CheckpointTableName", created.resource(CHECKPOINTS, ITable.class).getTableName(),
                        "Name of the DynamoDB table of the partitions' checkpoints"));
    }

    @Override
    public List<HealthCheck> healthChecks(ModuleResources created) {
        if (created.isEmpty()) {
            return List.of();
        }
        List<HealthCheck> checks = new ArrayList<>(StandardAlarms.of(created, PROCESSOR, "event-hub-processor"));
        checks.add(new HealthCheck("event-hub-processor-consumer-lag",
                "a partition of the Event Hub is " + LAG_ALARM_THRESHOLD + " or more events behind: the processor "
                        + "does not keep up; raise maxEventsPerInvocation or run it more often",
                METRICS_NAMESPACE, "MaxConsumerLag",
                Map.of("FunctionName", created.function(PROCESSOR).getFunctionName()), "Maximum",
                HealthCheck.Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, LAG_ALARM_THRESHOLD, 300, 3));
        return checks;
    }
}
