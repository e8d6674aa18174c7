package dev.slk.lambda.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(3));

    @Test
    void waitsBetweenHalfAndAllOfADoublingCeilingThatStopsAtTheMaximum() {
        assertEquals(Duration.ofMillis(50), policy.delayAfter(1, 0.0));
        assertEquals(Duration.ofMillis(100), policy.delayAfter(1, 0.999_999));
        assertEquals(Duration.ofMillis(400), policy.delayAfter(3, 0.999_999));
        assertEquals(Duration.ofMillis(1500), policy.delayAfter(10, 0.0));
        assertEquals(Duration.ofSeconds(3), policy.delayAfter(60, 0.999_999));
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
