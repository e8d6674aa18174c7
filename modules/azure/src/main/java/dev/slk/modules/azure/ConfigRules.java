/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.EnvironmentVariables;
import dev.slk.spi.ValidationResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What the schema cannot say about the config block: the reference framework's keys slk accepts
 * and does not use (warnings naming them), relations between keys, and the environment block.
 */
final class ConfigRules {
    private ConfigRules() {
    }

    static ValidationResult check(JsonNode config) {
        ValidationResult.Builder result = ValidationResult.builder();
        unusedKeys(config, result);
        JsonNode processor = config.path("eventHubProcessor");
        if (!processor.path("enabled").asBoolean(true)) {
            return result.build();
        }
        if (!config.at("/checkpointStore/enabled").asBoolean(true)) {
            result.error("/checkpointStore/enabled", "the event hub processor needs its checkpoint store: without "
                    + "checkpoints every run would read each partition again from its start position",
                    "remove checkpointStore.enabled or set it to true");
        }
        startPosition(processor.path("startPosition"), result);
        environment(processor.path("environment"), result);
        secretNames(config, result);
        int timeout = processor.path("timeout").asInt(300);
        JsonNode seconds = processor.path("maxSecondsPerInvocation");
        if (seconds.isInt() && seconds.asInt() > timeout - 5) {
            result.error("/eventHubProcessor/maxSecondsPerInvocation", "maxSecondsPerInvocation " + seconds.asInt()
                    + " leaves less than 5 s of the " + timeout + " s timeout to send the events and write the "
                    + "checkpoints", "lower it to at most " + (timeout - 5) + " or raise the timeout");
        }
        if (processor.path("reservedConcurrentExecutions").asInt(1) > 1) {
            result.warning("/eventHubProcessor/reservedConcurrentExecutions", "more than one concurrent run reads "
                    + "the same partitions twice: nothing is lost, but events are sent twice",
                    "set reservedConcurrentExecutions to 1");
        }
        return result.build();
    }

    private static void unusedKeys(JsonNode config, ValidationResult.Builder result) {
        if (config.has("flowLogProcessor")) {
            result.warning("/flowLogProcessor", "flowLogProcessor is not supported by slk's azure module and is "
                    + "ignored: nothing is deployed for VNet flow logs", "remove the flowLogProcessor block");
        }
        if (config.at("/secretsManager/flowLogsSecret").isObject()) {
            result.warning("/secretsManager/flowLogsSecret", "secretsManager.flowLogsSecret is not used by slk's "
                    + "azure module and is ignored: no flow log secret is created or read",
                    "remove the flowLogsSecret block");
        }
        if (config.at("/secretsManager/eventHubSecret/secretTemplate").isObject()) {
            result.warning("/secretsManager/eventHubSecret/secretTemplate", "secretsManager.eventHubSecret."
                    + "secretTemplate is ignored: slk never puts a secret's value into the template",
                    "remove it and store the credentials with aws secretsmanager put-secret-value "
                            + "(modules/azure/README.md)");
        }
        if (config.at("/checkpointStore/ttl").isObject()) {
            result.warning("/checkpointStore/ttl", "checkpointStore.ttl is ignored: checkpoints never expire, "
                    + "because an expired checkpoint restarts a quiet partition from its oldest retained event",
                    "remove the ttl block");
        }
    }

    private static void startPosition(JsonNode node, ValidationResult.Builder result) {
        String value = node.asText("latest");
        if (value.equals("latest") || value.equals("earliest")) {
            return;
        }
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            result.error("/eventHubProcessor/startPosition", "startPosition '" + value + "' is neither latest, "
                    + "earliest nor an ISO-8601 instant", "e.g. latest, earliest or 2026-01-01T00:00:00Z");
        }
    }

    private static void environment(JsonNode node, ValidationResult.Builder result) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            String pointer = "/eventHubProcessor/environment/" + name.replace("~", "~0").replace("/", "~1");
            if (ProcessorVariables.ALL.contains(name)) {
                result.error(pointer, "environment variable " + name + " is set by slk and cannot be overridden",
                        "remove it from eventHubProcessor.environment");
            } else {
                EnvironmentVariables.problem(name).ifPresent(problem -> result.error(pointer, problem));
            }
        }
    }

    private static void secretNames(JsonNode config, ValidationResult.Builder result) {
        JsonNode secret = config.at("/secretsManager/eventHubSecret");
        String read = config.at("/eventHubProcessor/azureCredentialsSecretName").asText("");
        String named = secret.path("secretName").asText("");
        if (secret.path("create").asBoolean(false) && !read.isEmpty() && !read.equals(named)) {
            result.error("/eventHubProcessor/azureCredentialsSecretName", "the processor reads secret '" + read
                    + "' but slk creates '" + named + "' (secretsManager.eventHubSecret.secretName)",
                    "use the same name in both keys, or remove azureCredentialsSecretName");
        }
    }
}
