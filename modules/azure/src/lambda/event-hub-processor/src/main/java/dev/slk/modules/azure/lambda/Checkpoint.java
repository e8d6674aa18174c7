/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a partition has been delivered: every event up to and including this one was accepted
 * by the event queue.
 *
 * @param partitionId the partition
 * @param sequenceNumber the event's sequence number; reading resumes after it
 * @param offset the event's offset, kept for operators (reading resumes by sequence number)
 * @param enqueuedTime when the event was enqueued
 */
public record Checkpoint(String partitionId, long sequenceNumber, String offset, Instant enqueuedTime) {
    /** Checks the values. */
    public Checkpoint {
        Objects.requireNonNull(partitionId, "partitionId");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(enqueuedTime, "enqueuedTime");
    }

    /**
     * @param event an event that was delivered
     * @return the checkpoint just after it
     */
    public static Checkpoint after(ReceivedEvent event) {
        return new Checkpoint(event.partitionId(), event.sequenceNumber(), event.offset(), event.enqueuedTime());
    }
}
