/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollerConfigTest {
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Map.of("EVENT_QUEUE_URL", "http://q", "GCP_PROJECT_ID", "p-1234",
                "GCP_SUBSCRIPTION_ID", "s", "CREDENTIALS_SECRET_NAME", "c"));
        return env;
    }

    @Test
    void defaultsApplyAndTheSubscriptionPathIsTheConfigs() {
        PollerConfig config = PollerConfig.fromEnvironment(env());
        assertEquals("projects/p-1234/subscriptions/s", config.subscriptionPath());
        assertEquals(500, config.maxMessagesPerPull());
        assertEquals(Duration.ofSeconds(60), config.ackDeadline());
    }

    @Test
    void missingOrMalformedVariablesAreNamed() {
        Map<String, String> env = env();
        env.remove("GCP_SUBSCRIPTION_ID");
        assertTrue(assertThrows(IllegalStateException.class, () -> PollerConfig.fromEnvironment(env)).getMessage()
                .contains("GCP_SUBSCRIPTION_ID"));
        Map<String, String> bad = env();
        bad.put("MAX_MESSAGES_PER_PULL", "lots");
        assertTrue(assertThrows(IllegalStateException.class, () -> PollerConfig.fromEnvironment(bad)).getMessage()
                .contains("MAX_MESSAGES_PER_PULL"));
        Map<String, String> big = env();
        big.put("MAX_MESSAGES_PER_PULL", "5000");
        assertThrows(IllegalArgumentException.class, () -> PollerConfig.fromEnvironment(big));
        Map<String, String> lease = env();
        lease.put("ACK_DEADLINE_SECONDS", "5");
        assertThrows(IllegalArgumentException.class, () -> PollerConfig.fromEnvironment(lease));
    }
}
