/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.SendResult;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.kit.Undelivered;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run over every partition of an Event Hub, at-least-once.
 *
 * <ul>
 *   <li>Every partition is read, from its checkpoint, in batches taken in turn, so that no
 *       partition starves; the partition served first rotates from run to run.</li>
 *   <li>A batch's events go to the event queue through the kit's packing sender; the partition's
 *       checkpoint then moves (forward only) to the last event before the first one whose records
 *       were not all accepted. A failed send or checkpoint write ends that partition's run; what
 *       follows the checkpoint is read again next time.</li>
 *   <li>A read that brings nothing ends the partition's run, as drained, unless the partition's
 *       properties (read at the start of the run) show events after the read's position: then the
 *       connection or the receive link failed without the client saying so, and a second such read
 *       fails the partition's run.</li>
 *   <li>The run stops reading when the events, bytes or reading time of the invocation are used
 *       up, and fails (after serving every partition it can) when any partition failed, so that
 *       Lambda's retries, the dead-letter queue and the alarms see it.</li>
 * </ul>
 */
public final class EventHubPoller {
    private static final Logger LOG = LoggerFactory.getLogger(EventHubPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartitionReader reader;
    private final CheckpointStore store;
    private final EventQueueSender sender;
    private final PollLimits limits;

    /**
     * @param reader the Event Hub
     * @param store its checkpoints
     * @param sender the event queue
     * @param limits what one run may read
     */
    public EventHubPoller(PartitionReader reader, CheckpointStore store, EventQueueSender sender, PollLimits limits) {
        this.reader = reader;
        this.store = store;
        this.sender = sender;
        this.limits = limits;
    }

    /**
     * @param reading how long the run may go on reading
     * @param sending the time the sends may take (the invocation's, a little longer than reading)
     * @return what the run did, when no partition failed
     * @throws PollFailedException when some partition failed; the exception holds the run's result
     */
    public PollResult run(TimeBudget reading, TimeBudget sending) {
        List<String> ids = new ArrayList<>(reader.partitionIds());
        if (ids.isEmpty()) {
            return new PollResult(List.of(), 0, 0);
        }
        Collections.rotate(ids, -(int) Math.floorMod(store.nextRotation(), (long) ids.size()));
        Map<String, Partition> partitions = new LinkedHashMap<>();
        for (String id : ids) {
            partitions.put(id, open(id));
        }
        Run run = new Run(reading, sending);
        List<Partition> active = new ArrayList<>();
        partitions.values().stream().filter(p -> p.failure == null).forEach(active::add);
        while (!active.isEmpty() && run.mayRead()) {
            for (Partition partition : new ArrayList<>(active)) {
                if (!run.mayRead()) {
                    break;
                }
                if (!serve(partition, run)) {
                    active.remove(partition);
                }
            }
        }
        List<PartitionOutcome> outcomes = new ArrayList<>();
        partitions.values().forEach(p -> outcomes.add(p.outcome()));
        PollResult result = new PollResult(outcomes, run.records, run.apiCalls);
        if (!result.failures().isEmpty()) {
            throw new PollFailedException(result);
        }
        return result;
    }

    private Partition open(String id) {
        Partition partition = new Partition(id);
        try {
            partition.end = reader.end(id);
            Optional<Checkpoint> checkpoint = store.read(id);
            if (checkpoint.isPresent()) {
                partition.checkpoint = checkpoint.get().sequenceNumber();
                partition.position = new StartPosition.After(checkpoint.get().sequenceNumber());
            } else {
                partition.position = initialPosition(partition);
            }
        } catch (RuntimeException e) {
            partition.fail("could not be opened: " + describe(e));
        }
        return partition;
    }

    /**
     * "latest" is fixed at the partition's end when the partition is first seen, and stored as its
     * checkpoint, so that events enqueued between this run and the next are not skipped.
     */
    private StartPosition initialPosition(Partition partition) {
        if (!(limits.startPosition() instanceof StartPosition.Latest)) {
            return limits.startPosition();
        }
        if (partition.end.empty()) {
            return new StartPosition.Earliest();
        }
        Checkpoint start = new Checkpoint(partition.id, partition.end.lastSequenceNumber(),
                partition.end.lastOffset(), partition.end.lastEnqueuedTime());
        store.advance(start);
        partition.checkpoint = start.sequenceNumber();
        return new StartPosition.After(start.sequenceNumber());
    }

    /** @return whether the partition may have more to read in this run */
    private boolean serve(Partition partition, Run run) {
        int wanted = Math.min(limits.batchSize(), run.eventsLeft());
        List<ReceivedEvent> events;
        try {
            events = reader.receive(partition.id, partition.position, wanted, limits.receiveWait());
        } catch (RuntimeException e) {
            partition.fail("receive failed: " + describe(e));
            return false;
        }
        if (events.isEmpty()) {
            return partition.nothingReceived(limits.receiveWait(), reader.retriedFailure(partition.id));
        }
        partition.emptyReads = 0;
        partition.read += events.size();
        run.eventsRead += events.size();
        events.forEach(e -> run.bytesRead += e.body().length);
        int delivered = deliver(partition, events, run);
        if (delivered > 0) {
            ReceivedEvent last = events.get(delivered - 1);
            try {
                if (!store.advance(Checkpoint.after(last))) {
                    LOG.warn("partition {}: the stored checkpoint is already at or after sequence number {}",
                            partition.id, last.sequenceNumber());
                }
            } catch (RuntimeException e) {
                partition.fail(describe(e));
                return false;
            }
            partition.delivered += delivered;
            partition.checkpoint = Math.max(partition.checkpoint, last.sequenceNumber());
            partition.highestSeen = Math.max(partition.highestSeen, events.get(events.size() - 1).sequenceNumber());
            partition.position = new StartPosition.After(last.sequenceNumber());
        }
        if (delivered < events.size()) {
            return false;
        }
        return events.size() >= wanted;
    }

    /** @return how many events, from the first, had every record accepted */
    private int deliver(Partition partition, List<ReceivedEvent> events, Run run) {
        List<ObjectNode> records = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (ObjectNode record : EventRecords.of(events.get(i))) {
                records.add(record);
                owner.add(i);
            }
        }
        SendResult sent = sender.send(records, run.sending);
        run.apiCalls += sent.apiCalls();
        TreeSet<Integer> failedEvents = new TreeSet<>();
        String reason = null;
        if (sent instanceof SendResult.Incomplete incomplete) {
            List<Undelivered> undeliverable = new ArrayList<>();
            for (Undelivered u : incomplete.undelivered()) {
                if (u.reason() == Undelivered.Reason.TOO_LARGE || u.reason() == Undelivered.Reason.TOO_DEEP) {
                    undeliverable.add(u);
                } else {
                    failedEvents.add(owner.get(u.index()));
                    reason = reason != null ? reason : u.reason() + " (" + u.code() + "): " + u.detail();
                }
            }
            reason = substitute(partition, events, owner, undeliverable, run, failedEvents, reason);
        }
        int delivered = failedEvents.isEmpty() ? events.size() : failedEvents.first();
        run.records += records.size();
        if (reason != null) {
            partition.fail("event at sequence number " + events.get(delivered).sequenceNumber()
                    + " was not accepted by the event queue: " + reason);
        }
        return delivered;
    }

    /**
     * A record the queue can never take (larger than a message, or nested deeper than the
     * transformer reads) is replaced by a small record that names it, which the module's fallback
     * mapping files; retrying it would block the partition for good.
     */
    private String substitute(Partition partition, List<ReceivedEvent> events, List<Integer> owner,
            List<Undelivered> undeliverable, Run run, TreeSet<Integer> failedEvents, String reason) {
        if (undeliverable.isEmpty()) {
            return reason;
        }
        List<ObjectNode> standIns = new ArrayList<>();
        for (Undelivered u : undeliverable) {
            ReceivedEvent event = events.get(owner.get(u.index()));
            ObjectNode standIn = JSON.createObjectNode();
            ObjectNode body = standIn.putObject("azure_undeliverable_event");
            body.put("reason", u.reason().name());
            body.put("partitionId", event.partitionId());
            body.put("sequenceNumber", event.sequenceNumber());
            body.put("enqueuedTime", event.enqueuedTime().toString());
            body.put("bodyBytes", event.body().length);
            standIns.add(EventRecords.stamp(standIn, event));
            LOG.error("partition {}: a record of the event at sequence number {} cannot be sent ({}); a stand-in "
                    + "naming it is sent instead", partition.id, event.sequenceNumber(), u.reason());
        }
        SendResult sent = sender.send(standIns, run.sending);
        run.apiCalls += sent.apiCalls();
        run.records += standIns.size();
        if (sent instanceof SendResult.Incomplete incomplete) {
            for (Undelivered u : incomplete.undelivered()) {
                failedEvents.add(owner.get(undeliverable.get(u.index()).index()));
                reason = reason != null ? reason : u.reason() + " (" + u.code() + "): " + u.detail();
            }
        }
        return reason;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** The counters of one run. */
    private final class Run {
        private final TimeBudget reading;
        private final TimeBudget sending;
        private int eventsRead;
        private long bytesRead;
        private int records;
        private int apiCalls;

        private Run(TimeBudget reading, TimeBudget sending) {
            this.reading = reading;
            this.sending = sending;
        }

        private int eventsLeft() {
            return limits.maxEvents() - eventsRead;
        }

        private boolean mayRead() {
            return eventsLeft() > 0 && bytesRead < limits.maxBytes() && reading.allows(limits.receiveWait())
                    && !sending.isExhausted();
        }
    }

    /** One partition's state in a run. */
    private static final class Partition {
        private final String id;
        private PartitionReader.PartitionEnd end;
        private StartPosition position;
        private long checkpoint = -1;
        private long highestSeen = -1;
        private int read;
        private int delivered;
        private int emptyReads;
        private String failure;

        private Partition(String id) {
            this.id = id;
        }

        /**
         * The Event Hubs client returns nothing after its wait when the connection is down and
         * cannot be opened again, or when a link keeps failing with a retriable error: only the
         * partition's end tells that apart from a drained partition. The first empty read is given
         * another turn, in the next round, because the wait also covers setting up the link.
         *
         * @return whether the partition may be read again in this run
         */
        private boolean nothingReceived(Duration wait, Optional<String> retriedFailure) {
            if (!holdsEventsAfterPosition()) {
                return false;
            }
            if (++emptyReads < 2) {
                LOG.warn("partition {}: no event arrived within {} although it holds events after {} (last "
                        + "enqueued sequence number {}); it is read again", id, seconds(wait), from(),
                        end.lastSequenceNumber());
                return true;
            }
            fail("no event arrived within " + seconds(wait) + " in " + emptyReads + " reads, although the "
                    + "partition holds events after " + from() + " (last enqueued sequence number "
                    + end.lastSequenceNumber() + "): the connection to Event Hubs or the partition's receive link "
                    + "failed" + retriedFailure.map(f -> "; a read retried before failed with: " + f)
                            .orElse("; the Event Hubs client's warnings before this line name the error"));
            return false;
        }

        private boolean holdsEventsAfterPosition() {
            if (end == null || end.empty()) {
                return false;
            }
            if (position instanceof StartPosition.After after) {
                return end.lastSequenceNumber() > after.sequenceNumber();
            }
            if (position instanceof StartPosition.EnqueuedAfter enqueued) {
                return end.lastEnqueuedTime().isAfter(enqueued.time());
            }
            return position instanceof StartPosition.Earliest;
        }

        private String from() {
            if (position instanceof StartPosition.After after) {
                return "its checkpoint at sequence number " + after.sequenceNumber();
            }
            if (position instanceof StartPosition.EnqueuedAfter enqueued) {
                return "the start position " + enqueued.time();
            }
            return "the start of the partition (no checkpoint yet)";
        }

        private static String seconds(Duration wait) {
            return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
        }

        private void fail(String reason) {
            if (failure == null) {
                failure = reason;
                LOG.error("partition {}: {}", id, reason);
            }
        }

        private PartitionOutcome outcome() {
            long last = Math.max(end == null ? -1 : end.lastSequenceNumber(), highestSeen);
            long lag = Math.max(0, last - checkpoint);
            return new PartitionOutcome(id, read, delivered,
                    checkpoint < 0 ? Optional.empty() : Optional.of(checkpoint), lag, Optional.ofNullable(failure));
        }
    }
}
