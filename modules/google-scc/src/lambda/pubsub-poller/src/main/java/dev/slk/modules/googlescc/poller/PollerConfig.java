/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import java.time.Duration;
import java.util.Map;

/**
 * The poller's settings, from the variables the module gives its function. Project and
 * subscription are the config's, never the credential's.
 *
 * @param queueUrl the core event queue
 * @param projectId the Google Cloud project that owns the subscription
 * @param subscriptionId the subscription's id
 * @param secretName the secret with the Google credential
 * @param maxMessagesPerPull messages asked for per pull, 1 to 1000
 * @param maxMessagesPerRun messages pulled per run at most
 * @param ackDeadline the lease kept on pulled messages
 */
record PollerConfig(String queueUrl, String projectId, String subscriptionId, String secretName,
        int maxMessagesPerPull, int maxMessagesPerRun, Duration ackDeadline) {

    PollerConfig {
        if (maxMessagesPerPull < 1 || maxMessagesPerPull > 1000) {
            throw new IllegalArgumentException("MAX_MESSAGES_PER_PULL must be 1 to 1000, got " + maxMessagesPerPull);
        }
        if (maxMessagesPerRun < 1) {
            throw new IllegalArgumentException("MAX_MESSAGES_PER_RUN must be positive, got " + maxMessagesPerRun);
        }
        if (ackDeadline.toSeconds() < 10 || ackDeadline.toSeconds() > 600) {
            throw new IllegalArgumentException("ACK_DEADLINE_SECONDS must be 10 to 600, got " + ackDeadline.toSeconds());
        }
    }

    /** @return {@code projects/<project>/subscriptions/<subscription>} */
    String subscriptionPath() {
        return "projects/" + projectId + "/subscriptions/" + subscriptionId;
    }

    static PollerConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, true);
    }

    /**
     * @param env the variables
     * @param secretNeeded false for a run against a Pub/Sub emulator, which takes no credential:
     *     then {@code CREDENTIALS_SECRET_NAME} may be missing and {@link #secretName()} is null
     * @return the settings
     */
    static PollerConfig fromEnvironment(Map<String, String> env, boolean secretNeeded) {
        return new PollerConfig(required(env, "EVENT_QUEUE_URL"), required(env, "GCP_PROJECT_ID"),
                required(env, "GCP_SUBSCRIPTION_ID"), secretNeeded ? required(env, "CREDENTIALS_SECRET_NAME")
                        : env.get("CREDENTIALS_SECRET_NAME"),
                number(env, "MAX_MESSAGES_PER_PULL", 500), number(env, "MAX_MESSAGES_PER_RUN", 20_000),
                Duration.ofSeconds(number(env, "ACK_DEADLINE_SECONDS", 60)));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (the google-scc module sets it)");
        }
        return value;
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " is not a number: " + value, e);
        }
    }
}
