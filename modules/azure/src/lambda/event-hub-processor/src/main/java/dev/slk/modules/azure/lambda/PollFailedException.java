/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

/**
 * A run in which some partition failed. It fails the invocation, so Lambda retries it, then its
 * dead-letter queue receives it, and the errors alarm fires. What was delivered before the failure
 * is checkpointed; the rest is read again by the next run.
 */
public final class PollFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PollResult result;

    /** @param result the run, with at least one failed partition */
    public PollFailedException(PollResult result) {
        super(message(result));
        this.result = result;
    }

    /** @return the run */
    public PollResult result() {
        return result;
    }

    private static String message(PollResult result) {
        StringBuilder text = new StringBuilder();
        text.append(result.failures().size()).append(" of ").append(result.partitions().size())
                .append(" partitions failed (").append(result.eventsDelivered()).append(" of ")
                .append(result.eventsRead()).append(" events read were delivered and checkpointed)");
        result.failures().forEach((partition, reason) -> text.append("; partition ").append(partition).append(": ")
                .append(reason));
        return text.toString();
    }
}
