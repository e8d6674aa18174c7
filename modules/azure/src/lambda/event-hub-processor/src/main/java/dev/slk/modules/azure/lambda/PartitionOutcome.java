/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.util.Optional;

/**
 * What one run did with one partition.
 *
 * @param partitionId the partition
 * @param eventsRead events received
 * @param eventsDelivered events whose every record the event queue accepted, up to the checkpoint
 * @param checkpoint the partition's checkpoint after the run; empty when it has none
 * @param lag the last enqueued sequence number minus the checkpoint's (events not yet delivered)
 * @param failure why the partition's run ended early; empty when it did not fail
 */
public record PartitionOutcome(String partitionId, int eventsRead, int eventsDelivered,
        Optional<Long> checkpoint, long lag, Optional<String> failure) {
}
