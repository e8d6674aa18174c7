/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Instant;
import java.util.Objects;

/**
 * One event read from a partition.
 *
 * @param partitionId the partition
 * @param sequenceNumber its sequence number in the partition
 * @param offset its offset in the partition
 * @param enqueuedTime when Event Hubs enqueued it
 * @param body its body, as sent
 */
public record ReceivedEvent(String partitionId, long sequenceNumber, String offset, Instant enqueuedTime,
        byte[] body) {
    /** Checks the values. */
    public ReceivedEvent {
        Objects.requireNonNull(partitionId, "partitionId");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(enqueuedTime, "enqueuedTime");
        Objects.requireNonNull(body, "body");
    }
}
