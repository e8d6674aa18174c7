/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code pubsubPollers}, read from a schema-valid block with its defaults filled in.
 * The project and subscription come from {@code projectId} / {@code subscriptionId} or, in the
 * reference framework's form, from {@code environment.GCP_PROJECT_ID} / {@code GCP_SUBSCRIPTION_ID};
 * never from the credential.
 *
 * @param enabled whether the poller is deployed
 * @param id the poller's id
 * @param projectId the Google Cloud project, empty when the config names none
 * @param subscriptionId the subscription's id, empty when the config names none
 * @param secretName the credential's secret
 * @param schedule the EventBridge schedule
 * @param memorySize memory in MB
 * @param timeoutSeconds timeout in seconds
 * @param concurrency reserved concurrent executions
 * @param maxMessagesPerPull messages asked for per pull
 * @param maxMessagesPerRun messages pulled per run at most
 * @param ackDeadlineSeconds the lease kept on pulled messages
 * @param logLevel the log level, from {@code environment.LOGGING_LEVEL}
 * @param environment the other user variables
 */
record PollerSettings(boolean enabled, String id, Optional<String> projectId, Optional<String> subscriptionId,
        String secretName, String schedule, int memorySize, int timeoutSeconds, int concurrency,
        int maxMessagesPerPull, int maxMessagesPerRun, int ackDeadlineSeconds, Optional<String> logLevel,
        Map<String, String> environment) {
    static final String PROJECT_VARIABLE = "GCP_PROJECT_ID";
    static final String SUBSCRIPTION_VARIABLE = "GCP_SUBSCRIPTION_ID";
    static final String LOG_LEVEL_VARIABLE = "LOGGING_LEVEL";

    static PollerSettings read(JsonNode poller) {
        JsonNode env = poller.path("environment");
        Map<String, String> rest = new LinkedHashMap<>();
        env.properties().forEach(e -> rest.put(e.getKey(), e.getValue().asText()));
        rest.remove(PROJECT_VARIABLE);
        rest.remove(SUBSCRIPTION_VARIABLE);
        rest.remove(LOG_LEVEL_VARIABLE);
        return new PollerSettings(
                poller.path("enabled").asBoolean(true),
                poller.path("moduleId").asText(""),
                text(poller, "projectId").or(() -> text(env, PROJECT_VARIABLE)),
                text(poller, "subscriptionId").or(() -> text(env, SUBSCRIPTION_VARIABLE)),
                poller.path("gcpCredentialsSecretName").asText(""),
                poller.path("schedule").asText("rate(5 minutes)"),
                poller.path("memorySize").asInt(512),
                poller.path("timeout").asInt(300),
                poller.path("reservedConcurrentExecutions").asInt(1),
                poller.path("maxMessagesPerPull").asInt(500),
                poller.path("maxMessagesPerRun").asInt(20_000),
                poller.path("ackDeadlineSeconds").asInt(60),
                text(env, LOG_LEVEL_VARIABLE),
                Map.copyOf(rest));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }
}
