/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event read from a partition.
 *
 * @param partitionId the partition
 * @param sequenceNumber its sequence number in the partition
 * @param offset its offset in the partition ({@code x-opt-offset}); empty when the service sent none
 * @param enqueuedTime when Event Hubs enqueued it
 * @param body its body, as sent
 */
public record ReceivedEvent(String partitionId, long sequenceNumber, Optional<String> offset, Instant enqueuedTime,
        byte[] body) {
    /** Checks the values; a blank offset is none. */
    public ReceivedEvent {
        Objects.requireNonNull(partitionId, "partitionId");
        offset = offset.filter(o -> !o.isBlank());
        Objects.requireNonNull(enqueuedTime, "enqueuedTime");
        Objects.requireNonNull(body, "body");
    }

    /** An event with an offset. */
    public ReceivedEvent(String partitionId, long sequenceNumber, String offset, Instant enqueuedTime, byte[] body) {
        this(partitionId, sequenceNumber, Optional.of(offset), enqueuedTime, body);
    }
}
