/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.ValidationResult;
import dev.slk.spi.schedule.InvalidScheduleException;
import dev.slk.spi.schedule.ScheduleExpression;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What the module's schema cannot say about a config block. */
final class ConfigRules {
    /** Google's rule for project ids: 6 to 30 characters, lower-case letters, digits and hyphens. */
    static final Pattern PROJECT_ID = Pattern.compile("^[a-z][a-z0-9-]{4,28}[a-z0-9]$");
    /** Google's rule for subscription ids; a name starting with "goog" is reserved. */
    static final Pattern SUBSCRIPTION_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9._~+%-]{2,254}$");

    private ConfigRules() {
    }

    static ValidationResult check(JsonNode config) {
        ValidationResult.Builder result = ValidationResult.builder();
        singularShape(config, result);
        JsonNode pollers = config.path("pubsubPollers");
        Set<String> ids = new HashSet<>();
        Map<String, String> subscriptions = new HashMap<>();
        for (int i = 0; i < pollers.size(); i++) {
            String at = "/pubsubPollers/" + i;
            PollerSettings poller = PollerSettings.read(pollers.get(i));
            if (!ids.add(poller.id())) {
                result.error(at + "/moduleId", "two pollers have the id " + poller.id(),
                        "give each poller an id of its own: it names the poller's function and alarms");
            }
            if (poller.enabled()) {
                pollerRules(pollers.get(i), poller, at, result, subscriptions);
            }
        }
        JsonNode secrets = config.at("/secretsManager/gcpCredentialsSecrets");
        for (int i = 0; i < secrets.size(); i++) {
            if (secrets.get(i).has("secretTemplate")) {
                result.warning("/secretsManager/gcpCredentialsSecrets/" + i + "/secretTemplate",
                        "secretTemplate is not deployed: slk creates the secret without a value, so that no "
                                + "credential (or placeholder) reaches the CloudFormation template",
                        "store the credential after the deploy: aws secretsmanager put-secret-value --secret-id "
                                + secrets.get(i).path("secretName").asText() + " --secret-string file://credential.json");
            }
        }
        return result.build();
    }

    private static void pollerRules(JsonNode node, PollerSettings poller, String at, ValidationResult.Builder result,
            Map<String, String> subscriptions) {
        identifier(node, at, "projectId", PollerSettings.PROJECT_VARIABLE, poller.projectId(), PROJECT_ID,
                "the Google Cloud project that owns the subscription", "e.g. projectId: my-scc-project", result);
        identifier(node, at, "subscriptionId", PollerSettings.SUBSCRIPTION_VARIABLE, poller.subscriptionId(),
                SUBSCRIPTION_ID, "the Pub/Sub subscription", "e.g. subscriptionId: scc-findings-subscription", result);
        if (poller.projectId().isPresent() && poller.subscriptionId().isPresent()) {
            String path = "projects/" + poller.projectId().get() + "/subscriptions/" + poller.subscriptionId().get();
            String other = subscriptions.putIfAbsent(path, poller.id());
            if (other != null) {
                result.warning(at, "pollers " + other + " and " + poller.id() + " both pull " + path
                        + "; they share its messages, and each finding reaches Security Lake through one of them",
                        "keep one poller per subscription");
            }
        }
        if (poller.subscriptionId().filter(s -> s.startsWith("goog")).isPresent()) {
            result.error(at + "/subscriptionId", "subscription ids starting with 'goog' are reserved by Google");
        }
        try {
            if (ScheduleExpression.parse(poller.schedule()) instanceof ScheduleExpression.Rate rate) {
                long interval = rate.value() * switch (rate.unit()) {
                    case MINUTE -> 60L;
                    case HOUR -> 3_600L;
                    case DAY -> 86_400L;
                };
                if (poller.timeoutSeconds() > interval && poller.concurrency() == 1) {
                    result.warning(at + "/timeout", "timeout " + poller.timeoutSeconds() + " s is longer than the "
                            + "schedule's interval (" + interval + " s): with one reserved execution a run that "
                            + "takes the whole timeout makes the next scheduled run throttle",
                            "lower the timeout to at most " + interval + " s or lengthen the interval");
                }
            }
        } catch (InvalidScheduleException e) {
            // Reported by slk itself: the schema marks schedule "format": "eventbridge-schedule".
        }
    }

    private static void identifier(JsonNode node, String at, String key, String variable, Optional<String> value,
            Pattern pattern, String what, String example, ValidationResult.Builder result) {
        String explicit = node.path(key).asText(null);
        String fromEnv = node.at("/environment/" + variable).asText(null);
        if (explicit != null && fromEnv != null && !explicit.equals(fromEnv)) {
            result.error(at + "/environment/" + variable, variable + " '" + fromEnv + "' disagrees with " + key + " '"
                    + explicit + "'", "keep " + key + " and remove " + variable + " from environment");
            return;
        }
        if (value.isEmpty()) {
            result.error(at, "poller " + node.path("moduleId").asText() + " names no " + key + " (" + what + ")",
                    example + " in the poller; the credential's own project is never used");
            return;
        }
        if (value.get().startsWith("projects/")) {
            result.error(at + "/" + (explicit != null ? key : "environment/" + variable), key + " '" + value.get()
                    + "' is a full resource path", "write the id alone, the part after the last '/'");
        } else if (!pattern.matcher(value.get()).matches()) {
            result.error(at + "/" + (explicit != null ? key : "environment/" + variable), key + " '" + value.get()
                    + "' is not a valid Google Cloud id (" + pattern.pattern() + ")");
        }
    }

    /** The main example's shape names no project or subscription: it cannot be built, only rewritten. */
    private static void singularShape(JsonNode config, ValidationResult.Builder result) {
        JsonNode poller = config.path("pubsubPoller");
        String secret = config.path("gcpCredentialsSecretName").asText(
                config.at("/secretsManager/gcpCredentialsSecret/secretName").asText("gcp-pubsub-credentials"));
        if (poller.isObject()) {
            result.error("/pubsubPoller", "the singular pubsubPoller (the reference framework's main example) names "
                    + "no Google Cloud project or subscription, so no poller can be built from it",
                    "write instead: " + pollersForm(poller, secret));
        } else if (config.has("gcpCredentialsSecretName")) {
            result.error("/gcpCredentialsSecretName", "a top-level gcpCredentialsSecretName belongs to the singular "
                    + "shape; each poller names its own secret",
                    "move it into each poller: pubsubPollers: [{moduleId: scc-findings, gcpCredentialsSecretName: "
                            + secret + ", ...}]");
        }
        if (config.at("/secretsManager/gcpCredentialsSecret").isObject()) {
            JsonNode single = config.at("/secretsManager/gcpCredentialsSecret");
            result.error("/secretsManager/gcpCredentialsSecret", "the singular gcpCredentialsSecret is the reference "
                    + "framework's main-example shape", "write instead: secretsManager: {gcpCredentialsSecrets: "
                    + "[{secretName: " + single.path("secretName").asText(secret) + ", create: true}]} (a "
                    + "secretTemplate is never deployed)");
        }
    }

    private static String pollersForm(JsonNode poller, String secret) {
        StringBuilder form = new StringBuilder("pubsubPollers: [{moduleId: scc-findings, projectId: YOUR_PROJECT_ID, "
                + "subscriptionId: YOUR_SUBSCRIPTION_ID, gcpCredentialsSecretName: " + secret);
        for (String key : new String[] {"enabled", "schedule", "memorySize", "timeout", "reservedConcurrentExecutions"}) {
            if (poller.has(key) && poller.get(key).isValueNode()) {
                form.append(", ").append(key).append(": ").append(poller.get(key).asText());
            }
        }
        JsonNode level = poller.at("/environment/" + PollerSettings.LOG_LEVEL_VARIABLE);
        if (level.isTextual()) {
            form.append(", environment: {LOGGING_LEVEL: ").append(level.asText()).append('}');
        }
        return form.append("}]").toString();
    }
}
