/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records an event body carries, in the shapes Azure exports. */
class EventRecordsTest {
    @Test
    void diagnosticSettingsRecordsAreSplit() {
        List<ObjectNode> records = of("{\"records\": [{\"category\": \"SignInLogs\"}, {\"category\": \"AuditLogs\"}]}");
        assertEquals(2, records.size());
        assertEquals("AuditLogs", records.get(1).path("category").asText());
    }

    @Test
    void aContinuousExportArrayIsSplit() {
        List<ObjectNode> records = of("[{\"AlertName\": \"a\"}, {\"AlertName\": \"b\"}, 3]");
        assertEquals(3, records.size());
        assertEquals("3", records.get(2).path(EventRecords.RAW_BODY).asText());
    }

    @Test
    void anObjectIsOneRecordEvenWithARecordsFieldBesideOthers() {
        assertEquals(1, of("{\"records\": [1], \"id\": \"x\"}").size());
        assertEquals("x", of("{\"id\": \"x\"}").get(0).path("id").asText());
    }

    @Test
    void aBodyThatIsNotJsonIsKeptAsText() {
        assertEquals("hello, world", of("hello, world").get(0).path(EventRecords.RAW_BODY).asText());
        assertEquals("", of("").get(0).path(EventRecords.RAW_BODY).asText());
        assertEquals("42", of("42").get(0).path(EventRecords.RAW_BODY).asText());
    }

    @Test
    void everyRecordOfAnEventCarriesTheTimeTheEventWasEnqueuedReplacingAFieldOfThatName() {
        Instant enqueued = Instant.parse("2026-11-30T10:00:00.123Z");
        List<ObjectNode> records = EventRecords.of(new ReceivedEvent("0", 7, "700", enqueued,
                "{\"records\": [{\"slk_enqueued_time\": \"forged\"}, 5]}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, records.size());
        for (ObjectNode record : records) {
            assertEquals(enqueued.toEpochMilli(), record.path(EventRecords.ENQUEUED_TIME).asLong(), record.toString());
        }
        assertEquals(5, records.get(1).path(EventRecords.RAW_BODY).asInt());
    }

    private static List<ObjectNode> of(String body) {
        return EventRecords.of(body.getBytes(StandardCharsets.UTF_8));
    }
}
