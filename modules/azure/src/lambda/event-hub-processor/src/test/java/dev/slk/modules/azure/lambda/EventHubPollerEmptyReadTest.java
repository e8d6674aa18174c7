/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.testing.LocalSqs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A read that brings nothing from a partition that holds events after its checkpoint is a
 * failure of that partition's run, not a drained partition (the Event Hubs client returns
 * nothing after its wait when its connection is down); the hub is in memory behind the
 * partition-reader seam, the checkpoints on moto_server, the queue on ElasticMQ.
 */
class EventHubPollerEmptyReadTest {
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeHub hub = new FakeHub(3);
    private final SqsClient sqs = LocalSqs.client();
    private final String queue = LocalSqs.queue(sqs, "empty-" + System.nanoTime());
    private final DynamoDbClient dynamo = LocalMoto.dynamo();
    private final CheckpointStore store = new DynamoCheckpointStore(dynamo,
            LocalMoto.table(dynamo, "empty-" + System.nanoTime()), "ns", "hub", "slk", Clock.systemUTC());
    private final EventHubPoller poller = new EventHubPoller(hub, store,
            EventQueueSender.builder(sqs, queue).envelope(EventEnvelope.module("azure")).build(),
            new PollLimits(1000, Long.MAX_VALUE, 100, WAIT, new StartPosition.Earliest()));
    private final AtomicLong nanos = new AtomicLong();

    EventHubPollerEmptyReadTest() {
        for (int i = 0; i < 10; i++) {
            hub.partitionIds().forEach(p -> hub.add(p, 10));
        }
        // Each receive call takes its whole wait, as the real client's does when nothing comes.
        hub.onReceive = () -> nanos.addAndGet(WAIT.toNanos());
    }

    @Test
    void aPartitionThatHoldsEventsButBringsNothingTwiceFailsItsRunWhileTheOthersAreDelivered() {
        store.advance(new Checkpoint("1", 3, "3", hub.end("1").lastEnqueuedTime()));
        hub.silentReads.put("1", Integer.MAX_VALUE);

        PollFailedException failure = assertThrows(PollFailedException.class, () -> poller.run(minutes(), minutes()));

        assertEquals(Map.of("1", "no event arrived within 1 s in 2 reads, although the partition holds events after "
                + "its checkpoint at sequence number 3 (last enqueued sequence number 9): the connection to Event "
                + "Hubs or the partition's receive link failed; the Event Hubs client's warnings before this line "
                + "name the error"), failure.result().failures());
        assertTrue(failure.getMessage().startsWith("1 of 3 partitions failed (20 of 20 events read were delivered"),
                failure.getMessage());
        assertEquals(Optional.of(3L), store.read("1").map(Checkpoint::sequenceNumber), "its checkpoint stays");
        for (String other : List.of("0", "2")) {
            assertEquals(Optional.of(9L), store.read(other).map(Checkpoint::sequenceNumber), "partition " + other);
        }
        assertEquals(List.of("1", "2", "0", "1"), hub.receives, "read again after the others, then given up");
        assertEquals(20, queuedEvents());
    }

    @Test
    void aFirstEmptyReadIsReadAgainInTheNextRoundAndWhatArrivesThenIsDelivered() {
        hub.silentReads.put("0", 1);

        PollResult result = poller.run(minutes(), minutes());

        assertEquals(30, result.eventsDelivered());
        assertEquals(Map.of(), result.failures());
        assertEquals(List.of("1", "2", "0", "0"), hub.receives);
        assertEquals(Optional.of(9L), store.read("0").map(Checkpoint::sequenceNumber));
        assertEquals(30, queuedEvents());
    }

    @Test
    void aDrainedPartitionIsReadOnceAndIsNoFailure() {
        hub.partitionIds().forEach(p -> store.advance(new Checkpoint(p, 9, "9", hub.end(p).lastEnqueuedTime())));

        PollResult result = poller.run(minutes(), minutes());

        assertEquals(0, result.eventsRead());
        assertEquals(Map.of(), result.failures());
        assertEquals(3, hub.receives.size(), "one read per partition: " + hub.receives);
    }

    @Test
    void aPartitionTheReadingTimeRanOutOnIsNoFailure() {
        hub.silentReads.put("1", Integer.MAX_VALUE);
        hub.silentReads.put("2", Integer.MAX_VALUE);
        hub.silentReads.put("0", Integer.MAX_VALUE);
        // Time for two reads: no partition's first empty read is confirmed before the time is up.
        TimeBudget reading = TimeBudget.of(Duration.ofMillis(2500), Duration.ZERO, nanos::get);

        PollResult result = poller.run(reading, minutes());

        assertEquals(Map.of(), result.failures());
        assertEquals(2, hub.receives.size(), "reads: " + hub.receives);
        result.partitions().forEach(p -> assertEquals(10, p.lag(), "lag of " + p.partitionId()));
    }

    private int queuedEvents() {
        int events = 0;
        for (String body : LocalSqs.drain(sqs, queue)) {
            try {
                events += JSON.readTree(body).path("event_data").size();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return events;
    }

    private static TimeBudget minutes() {
        return TimeBudget.of(Duration.ofMinutes(5), Duration.ZERO, System::nanoTime);
    }
}
