package dev.slk.lambda.kit;

import java.time.Duration;

/**
 * How {@link EventQueueSender} retries messages that failed for a passing reason: at most
 * {@code maxAttempts} attempts per SendMessageBatch call, waiting between them a random time
 * between half and all of {@code baseDelay * 2^(attempt-1)}, capped at {@code maxDelay}. The time
 * budget of the send ends the retries earlier when the next wait would not fit in it.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param baseDelay the wait before the second attempt (at most)
 * @param maxDelay the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    /** Six attempts, 100 ms doubling to at most 3 s: about 6 s of waiting at worst. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(3));

    /** @throws IllegalArgumentException when the values cannot work */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
        }
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @param random a number in [0, 1)
     * @return the wait before the next attempt
     */
    Duration delayAfter(int attempt, double random) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + (long) (random * (ceiling - ceiling / 2 + 1)));
    }
}
