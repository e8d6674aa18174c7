/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.RetryPolicy;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.testing.LocalSqs;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * 10,000 events over 4 partitions, read run after run through the partition-reader seam, with
 * SQS entries failing (ElasticMQ behind an injecting client), one failing checkpoint write
 * (DynamoDB on moto_server behind an injecting store) and a reading time that runs out in the
 * middle of a partition. Every event must reach the queue, and an event may arrive twice only if
 * it was in a batch that failed.
 */
class EventHubPollerFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_PARTITION = 2_500;
    private static final int BATCH = 500;

    @Test
    void everyEventReachesTheQueueAndDuplicatesComeOnlyFromFailedBatches() throws Exception {
        FakeHub hub = new FakeHub(4);
        for (int i = 0; i < PER_PARTITION; i++) {
            for (String p : hub.partitionIds()) {
                hub.add(p, 100);
            }
        }
        SqsClient sqs = LocalSqs.client();
        String queue = LocalSqs.queue(sqs, "fault-" + System.nanoTime());
        AtomicInteger p1Failures = new AtomicInteger();
        AtomicInteger p2Failures = new AtomicInteger();
        FaultySqs faulty = new FaultySqs(sqs, body -> {
            // One message of partition 1 fails through two runs, one of partition 2 through one.
            if (body.contains("\"partition\":\"1\",\"seq\":1200,") && p1Failures.getAndIncrement() < 6) {
                return true;
            }
            return body.contains("\"partition\":\"2\",\"seq\":300,") && p2Failures.getAndIncrement() < 3;
        });
        EventQueueSender sender = EventQueueSender.builder(faulty, queue).envelope(EventEnvelope.module("azure"))
                .maxMessageBytes(16 * 1024).retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)))
                .build();
        DynamoDbClient dynamo = LocalMoto.dynamo();
        String table = LocalMoto.table(dynamo, "fault-" + System.nanoTime());
        FailingOnce store = new FailingOnce(new DynamoCheckpointStore(dynamo, table, "ns.example", "hub", "slk",
                Clock.systemUTC()), 5);
        AtomicLong nanos = new AtomicLong();
        hub.onReceive = () -> nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        EventHubPoller poller = new EventHubPoller(hub, store, sender,
                new PollLimits(100_000, Long.MAX_VALUE, BATCH, Duration.ofSeconds(1), new StartPosition.Earliest()));

        int runs = 0;
        int failedRuns = 0;
        boolean outOfTimeMidPartition = false;
        while (runs < 40) {
            runs++;
            TimeBudget reading = TimeBudget.of(Duration.ofSeconds(12), Duration.ZERO, nanos::get);
            TimeBudget sending = TimeBudget.of(Duration.ofMinutes(5), Duration.ZERO, System::nanoTime);
            PollResult result;
            try {
                result = poller.run(reading, sending);
            } catch (PollFailedException e) {
                failedRuns++;
                outOfTimeMidPartition |= stoppedMidPartition(e.result());
                continue;
            }
            if (result.eventsRead() == 0) {
                break;
            }
            outOfTimeMidPartition |= stoppedMidPartition(result);
        }

        Map<String, Integer> seen = new HashMap<>();
        for (String body : LocalSqs.drain(sqs, queue)) {
            for (JsonNode event : JSON.readTree(body).path("event_data")) {
                seen.merge(event.path("partition").asText() + "/" + event.path("seq").asLong(), 1, Integer::sum);
            }
        }
        for (String p : hub.partitionIds()) {
            for (int seq = 0; seq < PER_PARTITION; seq++) {
                assertTrue(seen.containsKey(p + "/" + seq), "event " + p + "/" + seq + " never reached the queue");
            }
        }
        assertEquals(4 * PER_PARTITION, seen.size(), "only the hub's events, each by its key");

        Set<String> atRisk = new HashSet<>();
        for (String body : faulty.bodiesOfFailedCalls) {
            JSON.readTree(body).path("event_data").forEach(e -> atRisk.add(e.path("partition").asText() + "/"
                    + e.path("seq").asLong()));
        }
        Checkpoint failedWrite = store.failed.orElseThrow();
        for (long seq = failedWrite.sequenceNumber() - BATCH + 1; seq <= failedWrite.sequenceNumber(); seq++) {
            atRisk.add(failedWrite.partitionId() + "/" + seq);
        }
        int duplicates = 0;
        for (Map.Entry<String, Integer> entry : seen.entrySet()) {
            if (entry.getValue() > 1) {
                duplicates += entry.getValue() - 1;
                assertTrue(atRisk.contains(entry.getKey()), "event " + entry.getKey() + " arrived "
                        + entry.getValue() + " times but was in no failed batch");
            }
        }
        for (String p : hub.partitionIds()) {
            assertEquals(Optional.of(new Checkpoint(p, PER_PARTITION - 1, Long.toString((PER_PARTITION - 1) * 1000L),
                    hub.end(p).lastEnqueuedTime())), store.delegate.read(p), "partition " + p + " is checkpointed at its end");
        }
        assertTrue(faulty.failedEntries >= 9, "the injected SQS failures happened: " + faulty.failedEntries);
        assertTrue(failedRuns >= 3, "runs with a failed partition fail the invocation: " + failedRuns);
        assertTrue(outOfTimeMidPartition, "some run stopped reading in the middle of a partition");
        assertTrue(duplicates > 0, "the failed batches were sent again");
        System.out.printf("fault test: %d runs (%d failed), %d events delivered, %d duplicates, all from failed "
                + "batches (%d events at risk)%n", runs, failedRuns, seen.size(), duplicates, atRisk.size());
    }

    @Test
    void eachRunServesEveryPartitionInTurnStartingFromTheNextPartition() {
        FakeHub hub = new FakeHub(4);
        for (int i = 0; i < 30; i++) {
            hub.partitionIds().forEach(p -> hub.add(p, 10));
        }
        SqsClient sqs = LocalSqs.client();
        String queue = LocalSqs.queue(sqs, "turns-" + System.nanoTime());
        DynamoDbClient dynamo = LocalMoto.dynamo();
        CheckpointStore store = new DynamoCheckpointStore(dynamo, LocalMoto.table(dynamo, "turns-" + System.nanoTime()),
                "ns", "hub", "slk", Clock.systemUTC());
        EventHubPoller poller = new EventHubPoller(hub, store, EventQueueSender.builder(sqs, queue).build(),
                new PollLimits(40, Long.MAX_VALUE, 10, Duration.ofSeconds(1), new StartPosition.Earliest()));
        TimeBudget time = TimeBudget.of(Duration.ofMinutes(1), Duration.ZERO, System::nanoTime);

        PollResult first = poller.run(time, time);
        List<String> firstOrder = List.copyOf(hub.receives);
        hub.receives.clear();
        poller.run(time, time);

        assertEquals(40, first.eventsDelivered());
        assertEquals(4, new HashSet<>(firstOrder).size(), "every partition got a batch: " + firstOrder);
        assertEquals(firstOrder.get(1), hub.receives.get(0), "the next run starts one partition further");
        first.partitions().forEach(p -> assertEquals(10, p.eventsDelivered(), p.partitionId()));
        first.partitions().forEach(p -> assertEquals(20, p.lag(), "lag of " + p.partitionId()));
    }

    /** Some partition that did not fail still had events left when the run stopped. */
    private static boolean stoppedMidPartition(PollResult result) {
        return result.partitions().stream().anyMatch(p -> p.failure().isEmpty() && p.lag() > 0 && p.eventsRead() > 0);
    }

    /** The real store, whose n-th write fails once. */
    private static final class FailingOnce implements CheckpointStore {
        private final CheckpointStore delegate;
        private final int failAt;
        private int writes;
        private Optional<Checkpoint> failed = Optional.empty();

        FailingOnce(CheckpointStore delegate, int failAt) {
            this.delegate = delegate;
            this.failAt = failAt;
        }

        @Override
        public Optional<Checkpoint> read(String partitionId) {
            return delegate.read(partitionId);
        }

        @Override
        public boolean advance(Checkpoint checkpoint) {
            if (++writes == failAt) {
                failed = Optional.of(checkpoint);
                throw new CheckpointException("injected: checkpoint write failed", null);
            }
            return delegate.advance(checkpoint);
        }

        @Override
        public long nextRotation() {
            return delegate.nextRotation();
        }
    }
}
