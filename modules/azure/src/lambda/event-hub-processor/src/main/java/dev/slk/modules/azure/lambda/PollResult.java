/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one run did.
 *
 * @param partitions each partition's outcome, in the order the run served them first
 * @param records records sent to the event queue (an event may carry several)
 * @param apiCalls SendMessageBatch calls
 */
public record PollResult(List<PartitionOutcome> partitions, int records, int apiCalls) {
    /** Copies the list. */
    public PollResult {
        partitions = List.copyOf(partitions);
    }

    /** @return events read over all partitions */
    public int eventsRead() {
        return partitions.stream().mapToInt(PartitionOutcome::eventsRead).sum();
    }

    /** @return events delivered over all partitions */
    public int eventsDelivered() {
        return partitions.stream().mapToInt(PartitionOutcome::eventsDelivered).sum();
    }

    /** @return the partitions whose run failed, with the reason */
    public Map<String, String> failures() {
        return partitions.stream().filter(p -> p.failure().isPresent())
                .collect(Collectors.toMap(PartitionOutcome::partitionId, p -> p.failure().get(),
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** @return a small summary for the invocation's response and log; no event content */
    public Map<String, Object> summary() {
        return Map.of("partitions", partitions.size(), "eventsRead", eventsRead(), "eventsDelivered",
                eventsDelivered(), "records", records, "apiCalls", apiCalls, "failedPartitions", failures().size());
    }
}
