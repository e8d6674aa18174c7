package dev.slk.lambda.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageParserTest {
    private static List<SourceEvent> events(String body) {
        return assertInstanceOf(MessageParser.Parsed.Events.class, MessageParser.parse(body)).events();
    }

    private static String unreadable(String body) {
        return assertInstanceOf(MessageParser.Parsed.Unreadable.class, MessageParser.parse(body)).reason();
    }

    @Test
    void theFourBodyFormsGiveTheirEvents() {
        assertEquals(1, events("{\"a\": 1}").size());
        assertEquals(2, events("[{\"a\": 1}, {\"a\": 2}]").size());
        assertEquals(2, events("{\"events\": [{\"a\": 1}, {\"a\": 2}]}").size());
        List<SourceEvent> enveloped = events("""
                {"event_data": [{"a": 1}], "event_metadata": {"module_id": "azure", "mapping_id": "x"},
                 "processing_metadata": {"attempt": 1}}""");
        assertEquals("azure", enveloped.get(0).moduleId());
        assertEquals("x", enveloped.get(0).mappingId());
        assertEquals(1, enveloped.get(0).event().get("a").asInt());
    }

    @Test
    void anEventThatMerelyHasAnEventsFieldIsOneEvent() {
        List<SourceEvent> e = events("{\"events\": [{\"a\": 1}], \"id\": 7}");
        assertEquals(1, e.size());
        assertNull(e.get(0).moduleId());
    }

    @Test
    void unreadableBodiesSayWhyWithoutQuotingThem() {
        String r = unreadable("{\"secret\": \"hunter2\"");
        assertTrue(r.startsWith("body is not JSON"), r);
        assertTrue(!r.contains("hunter2"), r);
        assertEquals("body[1] is not an event (a JSON object)", unreadable("[{\"a\": 1}, 5]"));
        assertEquals("event_data must be an event (a JSON object) or a list of events", unreadable("{\"event_data\": 3}"));
        assertEquals("body is empty", unreadable(""));
        assertTrue(unreadable("[".repeat(100) + "]".repeat(100)).startsWith("body is not JSON"));
    }
}
