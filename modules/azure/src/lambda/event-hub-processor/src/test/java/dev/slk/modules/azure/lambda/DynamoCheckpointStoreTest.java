/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The checkpoint store against a real DynamoDB-compatible server (moto_server on 127.0.0.1). */
class DynamoCheckpointStoreTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private final DynamoDbClient dynamo = LocalMoto.dynamo();
    private final String table = LocalMoto.table(dynamo, "checkpoints-" + System.nanoTime());
    private final DynamoCheckpointStore store = new DynamoCheckpointStore(dynamo, table,
            "contoso.servicebus.windows.net", "defender", "slk", Clock.fixed(T, ZoneOffset.UTC));

    @Test
    void aPartitionWithoutACheckpointHasNone() {
        assertEquals(Optional.empty(), store.read("0"));
    }

    @Test
    void aCheckpointIsReadBackWithSequenceNumberOffsetAndEnqueuedTime() {
        Checkpoint checkpoint = new Checkpoint("3", 41, "8800", T.minusSeconds(5));
        assertTrue(store.advance(checkpoint));
        assertEquals(Optional.of(checkpoint), store.read("3"));
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Map.of("id",
                AttributeValue.fromS("contoso.servicebus.windows.net/defender/slk/3")))).item();
        assertEquals(T.toString(), item.get("updatedAt").s());
        assertFalse(item.containsKey("ttl"), "checkpoints never expire");
    }

    @Test
    void aCheckpointOnlyMovesForward() {
        assertTrue(store.advance(new Checkpoint("1", 100, "a", T)));
        assertFalse(store.advance(new Checkpoint("1", 99, "b", T)), "a smaller sequence number does not move it");
        assertFalse(store.advance(new Checkpoint("1", 100, "c", T)), "the same does not either");
        assertEquals(100, store.read("1").orElseThrow().sequenceNumber());
        assertEquals(Optional.of("a"), store.read("1").orElseThrow().offset());
        assertTrue(store.advance(new Checkpoint("1", 101, "d", T)));
        assertEquals(101, store.read("1").orElseThrow().sequenceNumber());
    }

    @Test
    void aCheckpointWithoutAnOffsetIsStoredWithoutTheAttributeAndReadBackWithoutOne() {
        assertTrue(store.advance(new Checkpoint("2", 50, "6400", T)));
        assertTrue(store.advance(new Checkpoint("2", 51, Optional.empty(), T)));

        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Map.of("id",
                AttributeValue.fromS("contoso.servicebus.windows.net/defender/slk/2")))).item();
        assertFalse(item.containsKey("offset"), "no offset attribute, not the text null nor the older offset: " + item);
        assertEquals(Optional.of(new Checkpoint("2", 51, Optional.empty(), T)), store.read("2"));
    }

    @Test
    void checkpointsOfAnotherConsumerGroupAreKeptApart() {
        DynamoCheckpointStore other = new DynamoCheckpointStore(dynamo, table, "contoso.servicebus.windows.net",
                "defender", "$Default", Clock.systemUTC());
        store.advance(new Checkpoint("0", 7, "", T));
        assertEquals(Optional.empty(), other.read("0"));
    }

    @Test
    void theRotationCounterGrowsByOneOnEveryCall() {
        long first = store.nextRotation();
        assertEquals(first + 1, store.nextRotation());
        assertEquals(first + 2, store.nextRotation());
    }

    @Test
    void aMissingTableIsAnErrorThatNamesTheTableAndTheCode() {
        DynamoCheckpointStore missing = new DynamoCheckpointStore(dynamo, "no-such-table", "ns", "hub", "g",
                Clock.systemUTC());
        CheckpointStore.CheckpointException read = assertThrows(CheckpointStore.CheckpointException.class,
                () -> missing.read("0"));
        assertTrue(read.getMessage().contains("no-such-table") && read.getMessage().contains("ResourceNotFound"),
                read.getMessage());
        assertThrows(CheckpointStore.CheckpointException.class, () -> missing.advance(new Checkpoint("0", 1, "", T)));
        assertThrows(CheckpointStore.CheckpointException.class, missing::nextRotation);
    }
}
