/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a partition has been delivered: every event up to and including this one was accepted
 * by the event queue.
 *
 * @param partitionId the partition
 * @param sequenceNumber the event's sequence number; reading resumes after it
 * @param offset the event's offset, kept for operators; empty when the service sent none (reading
 *     resumes by sequence number, so a checkpoint without one resumes all the same)
 * @param enqueuedTime when the event was enqueued
 */
public record Checkpoint(String partitionId, long sequenceNumber, Optional<String> offset, Instant enqueuedTime) {
    /** Checks the values; a blank offset is none. */
    public Checkpoint {
        Objects.requireNonNull(partitionId, "partitionId");
        offset = offset.filter(o -> !o.isBlank());
        Objects.requireNonNull(enqueuedTime, "enqueuedTime");
    }

    /** A checkpoint with an offset. */
    public Checkpoint(String partitionId, long sequenceNumber, String offset, Instant enqueuedTime) {
        this(partitionId, sequenceNumber, Optional.of(offset), enqueuedTime);
    }

    /**
     * @param event an event that was delivered
     * @return the checkpoint just after it
     */
    public static Checkpoint after(ReceivedEvent event) {
        return new Checkpoint(event.partitionId(), event.sequenceNumber(), event.offset(), event.enqueuedTime());
    }
}
