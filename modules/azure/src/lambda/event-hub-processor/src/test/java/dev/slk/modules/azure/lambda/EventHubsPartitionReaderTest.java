/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.amqp.AmqpRetryOptions;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.testing.LocalSqs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.message.Message;
import org.apache.qpid.protonj2.test.driver.codec.primitives.DescribedType;
import org.apache.qpid.protonj2.test.driver.codec.primitives.Symbol;
import org.apache.qpid.protonj2.test.driver.codec.transport.Attach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The real Event Hubs client, through {@link EventHubsPartitionReader}, against a scripted AMQP
 * 1.0 peer on 127.0.0.1 ({@link EventHubPeer}): what goes on the wire and what comes back.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EventHubsPartitionReaderTest {
    private static final String PARTITION_0 = EventHubPeer.HUB + "/ConsumerGroups/$Default/Partitions/0";
    private static final String PARTITION_1 = EventHubPeer.HUB + "/ConsumerGroups/$Default/Partitions/1";
    private static final Instant LAST_ENQUEUED = Instant.parse("2026-03-01T10:00:00Z");

    /** Reads of 100 events: one event is fewer than asked, so each partition is read once. */
    private static final PollLimits LIMITS = new PollLimits(1000, Long.MAX_VALUE, 100, Duration.ofSeconds(1),
            new StartPosition.Earliest());

    /**
     * Retries after 1 s: with delays of 10 to 100 ms (and a maximum delay of at most 0.5 s) the
     * client's own retries failed here with "bound must be greater than origin".
     */
    private static final AmqpRetryOptions SHORT_RETRIES = new AmqpRetryOptions().setMaxRetries(2)
            .setDelay(Duration.ofSeconds(1)).setMaxDelay(Duration.ofSeconds(1)).setTryTimeout(Duration.ofSeconds(5));

    private EventHubPeer peer;
    private final SqsClient sqs = LocalSqs.client();
    private final String queue = LocalSqs.queue(sqs, "amqp-" + System.nanoTime());
    private final EventQueueSender sender = EventQueueSender.builder(sqs, queue)
            .envelope(EventEnvelope.module("azure")).build();
    private final DynamoDbClient dynamo = LocalMoto.dynamo();
    private final String table = LocalMoto.table(dynamo, "amqp-" + System.nanoTime());
    private final CheckpointStore store = new DynamoCheckpointStore(dynamo, table, "localhost", EventHubPeer.HUB,
            "$Default", Clock.systemUTC());

    @BeforeEach
    void startPeer() {
        peer = new EventHubPeer();
    }

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Test
    void partitionsAndTheirEndsComeFromManagementReadsOfTheHubAndOfEachPartition() {
        peer.expectConnect();
        int management = peer.expectRequestResponseLinks("$management");
        peer.expectRequestAnswered(management, 200, hubProperties("0", "1"));
        peer.expectRequestAnswered(management, 200, partitionProperties("1", 99, "12800", false));
        try (EventHubsPartitionReader reader = reader()) {
            assertEquals(List.of("0", "1"), reader.partitionIds());
            PartitionReader.PartitionEnd end = reader.end("1");
            peer.verify();

            assertEquals(new PartitionReader.PartitionEnd(false, 99, "12800", LAST_ENQUEUED), end);
            // The poller's lag for a partition checkpointed at 41.
            assertEquals(58, end.lastSequenceNumber() - 41);
        }
        Map<String, Object> hubRead = properties(peer.requests().get(0));
        assertEquals("READ", hubRead.get("operation"));
        assertEquals("com.microsoft:eventhub", hubRead.get("type"));
        assertEquals(EventHubPeer.HUB, hubRead.get("name"));
        Map<String, Object> partitionRead = properties(peer.requests().get(1));
        assertEquals("READ", partitionRead.get("operation"));
        assertEquals("com.microsoft:partition", partitionRead.get("type"));
        assertEquals(EventHubPeer.HUB, partitionRead.get("name"));
        assertEquals("1", partitionRead.get("partition"));
    }

    @Test
    void readingResumesAfterTheCheckpointWithASequenceNumberFilterOnTheReceiveLink() {
        peer.expectConnect();
        int receiver = peer.expectSession();
        int cbs = peer.expectRequestResponseLinks("$cbs");
        peer.expectRequestAnswered(cbs, 202, null);
        peer.expectReceiveLink(receiver, PARTITION_0, List.of(event(42, "5376", "{\"n\":42}")));
        peer.expectReceiveLinkDetached(receiver);
        try (EventHubsPartitionReader reader = reader()) {
            List<ReceivedEvent> events = reader.receive("0", new StartPosition.After(41), 1, Duration.ofSeconds(30));
            peer.verify();

            assertEquals(1, events.size());
        }
        Attach receive = peer.attaches().get(peer.attaches().size() - 1);
        assertEquals(PARTITION_0, receive.getSource().getAddress());
        DescribedType filter = (DescribedType) receive.getSource().getFilter()
                .get(Symbol.valueOf("apache.org:selector-filter:string"));
        assertEquals("amqp.annotation.x-opt-sequence-number > '41'", filter.getDescribed());
        Map<String, Object> token = properties(peer.requests().get(0));
        assertEquals("put-token", token.get("operation"));
        assertEquals("amqp://localhost/" + PARTITION_0, token.get("name"));
    }

    @Test
    void receivedEventsCarryTheSequenceNumberOffsetAndEnqueuedTimeOfTheirAnnotations() {
        peer.expectConnect();
        int receiver = peer.expectSession();
        int cbs = peer.expectRequestResponseLinks("$cbs");
        peer.expectRequestAnswered(cbs, 202, null);
        peer.expectReceiveLink(receiver, PARTITION_0, List.of(event(42, "5376", "{\"n\":42}"),
                event(43, "5504", "{\"n\":43}")));
        peer.expectReceiveLinkDetached(receiver);
        try (EventHubsPartitionReader reader = reader()) {
            List<ReceivedEvent> events = reader.receive("0", new StartPosition.After(41), 2, Duration.ofSeconds(30));
            peer.verify();

            assertEquals(2, events.size());
            ReceivedEvent first = events.get(0);
            assertEquals("0", first.partitionId());
            assertEquals(42, first.sequenceNumber());
            assertEquals(Optional.of("5376"), first.offset());
            assertEquals(Instant.parse("2026-03-01T09:00:42Z"), first.enqueuedTime());
            assertArrayEquals("{\"n\":42}".getBytes(StandardCharsets.UTF_8), first.body());
            assertEquals(new Checkpoint("0", 43, "5504", Instant.parse("2026-03-01T09:00:43Z")),
                    Checkpoint.after(events.get(1)));
        }
    }

    @Test
    void aReceiveLinkTheServiceClosesWithAnErrorFailsThePollersRunForThatPartition() {
        peer.expectConnect();
        int management = peer.expectRequestResponseLinks("$management");
        peer.expectRequestAnswered(management, 200, hubProperties("0"));
        peer.expectRequestAnswered(management, 200, partitionProperties("0", 99, "12800", false));
        int receiver = peer.expectSession();
        int cbs = peer.expectRequestResponseLinks("$cbs");
        peer.expectRequestAnswered(cbs, 202, null);
        peer.expectReceiveLinkClosed(receiver, PARTITION_0, "amqp:not-found",
                "The messaging entity 'hub/ConsumerGroups/$Default' could not be found.");
        try (EventHubsPartitionReader reader = reader()) {
            EventHubPoller poller = new EventHubPoller(reader, new OneCheckpoint(41), sender,
                    new PollLimits(1000, Long.MAX_VALUE, 100, Duration.ofSeconds(30), new StartPosition.Earliest()));
            PollFailedException failure = assertThrows(PollFailedException.class, () -> poller.run(
                    TimeBudget.of(Duration.ofMinutes(5), Duration.ZERO, System::nanoTime),
                    TimeBudget.of(Duration.ofMinutes(5), Duration.ZERO, System::nanoTime)));
            peer.verify();

            String reason = failure.result().failures().get("0");
            assertTrue(reason.startsWith("receive failed: ReceiveFailedException: partition 0: amqp:not-found: The "
                    + "messaging entity 'hub/ConsumerGroups/$Default' could not be found."), reason);
            assertEquals(0, failure.result().eventsRead());
        }
    }

    @Test
    void aConnectionThatDropsAndCannotBeOpenedAgainFailsEachPartitionsRunWithItsReason() {
        peer.expectConnect();
        int management = peer.expectRequestResponseLinks("$management");
        peer.expectRequestAnswered(management, 200, hubProperties("0", "1"));
        peer.expectRequestAnswered(management, 200, partitionProperties("0", 99, "12800", false));
        peer.expectRequestAnswered(management, 200, partitionProperties("1", 99, "12800", false));
        int receiver = peer.expectSession();
        int cbs = peer.expectRequestResponseLinks("$cbs");
        peer.expectRequestAnswered(cbs, 202, null);
        // The run starts with partition 1 (the store's first rotation); its read loses the connection,
        // and the peer stops listening, so every reconnect is refused.
        peer.script().expectAttach().ofReceiver().withSource().withAddress(PARTITION_1).and().respond().withHandle(0);
        peer.script().expectFlow().onChannel(receiver).withHandle(0);
        peer.script().shutdownAfterLastHandler();
        for (String partition : List.of("0", "1")) {
            store.advance(new Checkpoint(partition, 41, "5248", Instant.parse("2026-03-01T09:00:41Z")));
        }
        try (EventHubsPartitionReader reader = reader(SHORT_RETRIES)) {
            PollFailedException failure = assertThrows(PollFailedException.class,
                    () -> new EventHubPoller(reader, store, sender, LIMITS).run(minutes(), minutes()));
            peer.verify();

            Map<String, String> reasons = failure.result().failures();
            assertEquals(List.of("1", "0"), List.copyOf(reasons.keySet()));
            // Partition 1's read lost the connection; it was read again, and again, to no avail.
            assertTrue(reasons.get("1").startsWith("no event arrived within 1 s in 2 reads, although the partition "
                    + "holds events after its checkpoint at sequence number 41 (last enqueued sequence number 99): "
                    + "the connection to Event Hubs or the partition's receive link failed; a read retried before "
                    + "failed with: partition 1: the connection or the receive link closed while reading, without an "
                    + "error from the service; the client reports: The receiver client is terminated."),
                    reasons.get("1"));
            assertEquals("no event arrived within 1 s in 2 reads, although the partition holds events after its "
                    + "checkpoint at sequence number 41 (last enqueued sequence number 99): the connection to Event "
                    + "Hubs or the partition's receive link failed; the Event Hubs client's warnings before this line "
                    + "name the error", reasons.get("0"));
            assertEquals(0, failure.result().eventsRead());
        }
        for (String partition : List.of("0", "1")) {
            assertEquals(41, store.read(partition).orElseThrow().sequenceNumber(), "partition " + partition);
        }
        assertEquals(List.of(), LocalSqs.drain(sqs, queue));
    }

    @Test
    void aServerBusyLinkErrorThatClearsOnTheRetryDeliversTheEventsAndMovesTheCheckpoint() {
        peer.expectConnect();
        int management = peer.expectRequestResponseLinks("$management");
        peer.expectRequestAnswered(management, 200, hubProperties("0"));
        peer.expectRequestAnswered(management, 200, partitionProperties("0", 43, "5504", false));
        int receiver = peer.expectSession();
        int cbs = peer.expectRequestResponseLinks("$cbs");
        peer.expectRequestAnswered(cbs, 202, null);
        peer.expectReceiveLinkClosed(receiver, PARTITION_0, "com.microsoft:server-busy",
                "The request was terminated because the entity is being throttled.");
        // The reader reads again: a new token, a new link on the same session.
        peer.expectRequestAnswered(cbs, 202, null);
        peer.expectReceiveLink(receiver, PARTITION_0, List.of(event(42, "5376", "{\"n\":42}"),
                event(43, "5504", "{\"n\":43}")));
        peer.expectReceiveLinkDetached(receiver);
        store.advance(new Checkpoint("0", 41, "5248", Instant.parse("2026-03-01T09:00:41Z")));
        try (EventHubsPartitionReader reader = reader(SHORT_RETRIES)) {
            PollResult result = new EventHubPoller(reader, store, sender, LIMITS).run(minutes(), minutes());
            peer.verify();

            assertEquals(2, result.eventsDelivered());
            assertEquals(Map.of(), result.failures());
        }
        assertEquals(Optional.of(new Checkpoint("0", 43, "5504", Instant.parse("2026-03-01T09:00:43Z"))),
                store.read("0"));
        assertEquals(1, LocalSqs.drain(sqs, queue).size(), "one message with both events");
    }

    @Test
    void anEventWithoutAnOffsetFailsThePartitionsRunWithTheClientsReasonAndMovesNoCheckpoint() {
        expectOnePartitionRead(42, List.of(new EventHubPeer.Event(42, null, Instant.parse("2026-03-01T09:00:42Z"),
                "{\"n\":42}".getBytes(StandardCharsets.UTF_8))));
        Checkpoint before = new Checkpoint("0", 41, "5248", Instant.parse("2026-03-01T09:00:41Z"));
        store.advance(before);
        try (EventHubsPartitionReader reader = reader()) {
            PollFailedException failure = assertThrows(PollFailedException.class,
                    () -> new EventHubPoller(reader, store, sender, LIMITS).run(minutes(), minutes()));
            peer.verify();

            String reason = failure.result().failures().get("0");
            // The client refuses to decode the event: it is neither delivered nor skipped.
            assertTrue(reason.startsWith("receive failed: ReceiveFailedException: partition 0: "
                    + "IllegalStateException: offset: x-opt-offset should always be in map."), reason);
        }
        assertEquals(Optional.of(before), store.read("0"), "the checkpoint did not move");
        assertEquals(List.of(), LocalSqs.drain(sqs, queue));
    }

    @Test
    void aCheckpointWithoutAnOffsetResumesAfterItsSequenceNumber() {
        expectOnePartitionRead(42, List.of(event(42, "5376", "{\"n\":42}")));
        store.advance(new Checkpoint("0", 41, Optional.empty(), Instant.parse("2026-03-01T09:00:41Z")));
        assertFalse(checkpointItem().containsKey("offset"), "no offset is no attribute, never the text null");
        try (EventHubsPartitionReader reader = reader()) {
            PollResult result = new EventHubPoller(reader, store, sender, LIMITS).run(minutes(), minutes());
            peer.verify();

            assertEquals(1, result.eventsDelivered());
        }
        DescribedType filter = (DescribedType) peer.attaches().get(peer.attaches().size() - 1).getSource()
                .getFilter().get(Symbol.valueOf("apache.org:selector-filter:string"));
        assertEquals("amqp.annotation.x-opt-sequence-number > '41'", filter.getDescribed());
        assertEquals(Optional.of(new Checkpoint("0", 42, "5376", Instant.parse("2026-03-01T09:00:42Z"))),
                store.read("0"));
        assertEquals("5376", checkpointItem().get("offset").s());
    }

    /** Discovery of one partition that ends at {@code last}, and one read of it with these events. */
    private void expectOnePartitionRead(long last, List<EventHubPeer.Event> events) {
        peer.expectConnect();
        int management = peer.expectRequestResponseLinks("$management");
        peer.expectRequestAnswered(management, 200, hubProperties("0"));
        peer.expectRequestAnswered(management, 200, partitionProperties("0", last, "5376", false));
        int receiver = peer.expectSession();
        int cbs = peer.expectRequestResponseLinks("$cbs");
        peer.expectRequestAnswered(cbs, 202, null);
        peer.expectReceiveLink(receiver, PARTITION_0, events);
        peer.expectReceiveLinkDetached(receiver);
    }

    private Map<String, AttributeValue> checkpointItem() {
        return dynamo.getItem(r -> r.tableName(table).key(Map.of("id",
                AttributeValue.fromS("localhost/" + EventHubPeer.HUB + "/$Default/0")))).item();
    }

    private static TimeBudget minutes() {
        return TimeBudget.of(Duration.ofMinutes(5), Duration.ZERO, System::nanoTime);
    }

    private EventHubsPartitionReader reader() {
        return EventHubsPartitionReader.open(AzureCredentials.parse("azure-test",
                "{\"connectionString\":\"" + peer.connectionString() + "\"}"), "$Default");
    }

    private EventHubsPartitionReader reader(AmqpRetryOptions retry) {
        return EventHubsPartitionReader.open(AzureCredentials.parse("azure-test",
                "{\"connectionString\":\"" + peer.connectionString() + "\"}"), "$Default", retry);
    }

    private static Map<String, Object> hubProperties(String... partitionIds) {
        Map<String, Object> hub = new LinkedHashMap<>();
        hub.put("name", EventHubPeer.HUB);
        hub.put("created_at", Date.from(Instant.parse("2026-01-01T00:00:00Z")));
        hub.put("partition_ids", partitionIds);
        return hub;
    }

    private static Map<String, Object> partitionProperties(String id, long last, String offset, boolean empty) {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("name", EventHubPeer.HUB);
        partition.put("partition", id);
        partition.put("begin_sequence_number", 0L);
        partition.put("last_enqueued_sequence_number", last);
        partition.put("last_enqueued_offset", offset);
        partition.put("last_enqueued_time_utc", Date.from(LAST_ENQUEUED));
        partition.put("is_partition_empty", empty);
        return partition;
    }

    private static EventHubPeer.Event event(long sequenceNumber, String offset, String body) {
        return new EventHubPeer.Event(sequenceNumber, offset,
                Instant.parse("2026-03-01T09:00:00Z").plusSeconds(sequenceNumber),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Message request) {
        return request.getApplicationProperties().getValue();
    }

    /** A store holding one checkpoint for every partition; the run here never moves it. */
    private static final class OneCheckpoint implements CheckpointStore {
        private final long sequenceNumber;

        OneCheckpoint(long sequenceNumber) {
            this.sequenceNumber = sequenceNumber;
        }

        @Override
        public Optional<Checkpoint> read(String partitionId) {
            return Optional.of(new Checkpoint(partitionId, sequenceNumber, "0", Instant.EPOCH));
        }

        @Override
        public boolean advance(Checkpoint checkpoint) {
            throw new AssertionError("no event was delivered, so no checkpoint may move: " + checkpoint);
        }

        @Override
        public long nextRotation() {
            return 0;
        }
    }
}
