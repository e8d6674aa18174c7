/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The poller's view of an Event Hub: its partitions, their ends, and their events from a position.
 * {@link EventHubsPartitionReader} is the real one, over AMQP; the poller's tests drive it through
 * this seam.
 */
public interface PartitionReader extends AutoCloseable {

    /**
     * @return the Event Hub's partition ids
     * @throws RuntimeException when the Event Hub cannot be reached
     */
    List<String> partitionIds();

    /**
     * @param partitionId a partition
     * @return its last enqueued event, as the service reports it now
     */
    PartitionEnd end(String partitionId);

    /**
     * Reads at most {@code maxEvents} events from {@code from}, waiting at most {@code maxWait}.
     *
     * @param partitionId the partition
     * @param from where to start
     * @param maxEvents at most this many
     * @param maxWait how long to wait for them
     * @return the events in partition order; fewer than asked when the wait ran out
     */
    List<ReceivedEvent> receive(String partitionId, StartPosition from, int maxEvents, Duration maxWait);

    /**
     * @param partitionId a partition
     * @return the error of a read of it that was retried, since its last read that brought events;
     *     empty when there was none (the default)
     */
    default Optional<String> retriedFailure(String partitionId) {
        return Optional.empty();
    }

    /** Releases the connection. */
    @Override
    void close();

    /**
     * The end of a partition.
     *
     * @param empty whether it holds no event at all
     * @param lastSequenceNumber the last enqueued event's sequence number (-1 when empty)
     * @param lastOffset that event's offset; empty when the service reports none
     * @param lastEnqueuedTime when it was enqueued
     */
    record PartitionEnd(boolean empty, long lastSequenceNumber, Optional<String> lastOffset,
            java.time.Instant lastEnqueuedTime) {
        /** Checks the values; a blank offset is none. */
        public PartitionEnd {
            lastOffset = lastOffset.filter(o -> !o.isBlank());
            java.util.Objects.requireNonNull(lastEnqueuedTime, "lastEnqueuedTime");
        }

        /** The end of a partition whose last event has an offset. */
        public PartitionEnd(boolean empty, long lastSequenceNumber, String lastOffset,
                java.time.Instant lastEnqueuedTime) {
            this(empty, lastSequenceNumber, Optional.of(lastOffset), lastEnqueuedTime);
        }
    }
}
