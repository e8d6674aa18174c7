/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The module's config block as values, schema defaults filled in by slk before any hook sees it.
 *
 * @param processorEnabled whether the processor is deployed
 * @param functionName the middle part of the function's name, when set
 * @param memorySize memory in MB
 * @param timeoutSeconds the function's timeout
 * @param reservedConcurrency reserved concurrent executions
 * @param schedule the EventBridge schedule
 * @param secretName the name of the credentials secret the function reads
 * @param createSecret whether slk creates that secret (without a value)
 * @param secretDescription the description of a created secret
 * @param environment the user's extra variables
 * @param consumerGroup the consumer group, when set in the config
 * @param startPosition latest, earliest or an ISO-8601 instant
 * @param maxEvents events per invocation
 * @param maxBytes bytes of event bodies per invocation
 * @param maxSeconds seconds of reading per invocation
 * @param receiveBatchSize events per receive call
 * @param receiveWaitSeconds seconds one receive call waits
 * @param tableName the middle part of the table's name, when set
 * @param provisioned whether the table has provisioned capacity
 * @param readCapacity its read capacity with provisioned capacity
 * @param writeCapacity its write capacity with provisioned capacity
 * @param pointInTimeRecovery PITR when set; else on in prod only
 * @param tableUsesSharedKey whether the table is encrypted with the shared key when there is one
 */
record AzureSettings(
        boolean processorEnabled,
        Optional<String> functionName,
        int memorySize,
        int timeoutSeconds,
        int reservedConcurrency,
        String schedule,
        String secretName,
        boolean createSecret,
        String secretDescription,
        Map<String, String> environment,
        Optional<String> consumerGroup,
        String startPosition,
        int maxEvents,
        long maxBytes,
        int maxSeconds,
        int receiveBatchSize,
        int receiveWaitSeconds,
        Optional<String> tableName,
        boolean provisioned,
        int readCapacity,
        int writeCapacity,
        Optional<Boolean> pointInTimeRecovery,
        boolean tableUsesSharedKey) {

    /** The secret slk reads when neither key names one (the reference's name). */
    static final String DEFAULT_SECRET_NAME = "azure-eventhub-credentials";

    static AzureSettings of(JsonNode config) {
        JsonNode processor = config.path("eventHubProcessor");
        JsonNode secret = config.at("/secretsManager/eventHubSecret");
        JsonNode store = config.path("checkpointStore");
        int timeout = processor.path("timeout").asInt(300);
        String secretName = text(processor, "azureCredentialsSecretName")
                .or(() -> text(secret, "secretName")).orElse(DEFAULT_SECRET_NAME);
        return new AzureSettings(
                processor.path("enabled").asBoolean(true),
                text(processor, "functionName"),
                processor.path("memorySize").asInt(512),
                timeout,
                processor.path("reservedConcurrentExecutions").asInt(1),
                processor.path("schedule").asText("rate(5 minutes)"),
                secretName,
                secret.path("create").asBoolean(false),
                text(secret, "description").orElse("Azure Event Hubs credentials of the slk azure module"),
                environment(processor.path("environment")),
                text(processor, "consumerGroup"),
                processor.path("startPosition").asText("latest"),
                processor.path("maxEventsPerInvocation").asInt(20_000),
                processor.path("maxBytesPerInvocation").asLong(64L * 1024 * 1024),
                processor.has("maxSecondsPerInvocation") ? processor.path("maxSecondsPerInvocation").asInt()
                        : defaultReadingSeconds(timeout),
                processor.path("receiveBatchSize").asInt(500),
                processor.path("receiveWaitSeconds").asInt(2),
                text(store, "tableName"),
                "PROVISIONED".equals(store.path("billingMode").asText()),
                store.path("readCapacity").asInt(5),
                store.path("writeCapacity").asInt(5),
                store.has("pointInTimeRecovery") ? Optional.of(store.path("pointInTimeRecovery").asBoolean())
                        : Optional.empty(),
                store.at("/encryption/useSharedKey").asBoolean(true));
    }

    /**
     * Reading stops early enough to send what was read and write the checkpoints: a fifth of the
     * timeout, at least 5 s, is kept for that.
     */
    static int defaultReadingSeconds(int timeout) {
        return Math.max(1, timeout - Math.max(5, timeout / 5));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Map<String, String> environment(JsonNode node) {
        Map<String, String> variables = new LinkedHashMap<>();
        node.properties().forEach(entry -> variables.put(entry.getKey(), entry.getValue().asText()));
        return variables;
    }
}
