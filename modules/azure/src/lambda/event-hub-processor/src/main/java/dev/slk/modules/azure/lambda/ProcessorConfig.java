/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The processor's settings, from the environment the module sets (names only; the credentials are
 * in the secret it names).
 *
 * @param queueUrl the event queue
 * @param secretName the credentials secret
 * @param tableName the checkpoint table
 * @param consumerGroup the config's consumer group, when set
 * @param limits what one run may read
 * @param maxSeconds how long one run may read
 */
public record ProcessorConfig(String queueUrl, String secretName, String tableName, Optional<String> consumerGroup,
        PollLimits limits, Duration maxSeconds) {

    /** The consumer group when neither the config nor the secret names one. */
    public static final String DEFAULT_CONSUMER_GROUP = "$Default";

    /**
     * @param env the environment
     * @return the settings
     * @throws IllegalStateException naming a variable that is missing or not a number
     */
    public static ProcessorConfig fromEnvironment(Map<String, String> env) {
        PollLimits limits = new PollLimits(number(env, "MAX_EVENTS", 20_000), number(env, "MAX_BYTES", 64L << 20),
                number(env, "RECEIVE_BATCH_SIZE", 500),
                Duration.ofSeconds(number(env, "RECEIVE_WAIT_SECONDS", 2)),
                StartPosition.parse(env.getOrDefault("START_POSITION", "latest")));
        return new ProcessorConfig(required(env, "EVENT_QUEUE_URL"), required(env, "CREDENTIALS_SECRET_NAME"),
                required(env, "CHECKPOINT_TABLE_NAME"),
                Optional.ofNullable(env.get("CONSUMER_GROUP")).filter(s -> !s.isBlank()), limits,
                Duration.ofSeconds(number(env, "MAX_SECONDS", 240)));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; slk's module sets it");
        }
        return value;
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        return (int) number(env, name, (long) fallback);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " is not a whole number");
        }
    }
}
