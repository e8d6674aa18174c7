/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FindingActivityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String activity(String finding) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree("{\"finding\": " + finding + "}");
        FindingActivity.annotate(event);
        return event.path(FindingActivity.FIELD).asText();
    }

    @Test
    void inactiveOrMutedIsClosedALaterEventIsAnUpdateElseNew() throws Exception {
        assertEquals("closed", activity("{\"state\": \"INACTIVE\"}"));
        assertEquals("closed", activity("{\"state\": \"ACTIVE\", \"mute\": \"MUTED\"}"));
        assertEquals("updated", activity("{\"state\": \"ACTIVE\", \"eventTime\": \"2026-03-10T00:00:00Z\", "
                + "\"createTime\": \"2026-03-09T00:00:00Z\"}"));
        assertEquals("new", activity("{\"state\": \"ACTIVE\", \"eventTime\": \"2026-03-09T00:00:00Z\", "
                + "\"createTime\": \"2026-03-09T00:00:01Z\"}"));
        assertEquals("new", activity("{\"eventTime\": \"yesterday\", \"createTime\": 5}"));
    }

    @Test
    void anEventWithoutAFindingIsLeftAlone() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree("{\"x\": 1}");
        FindingActivity.annotate(event);
        assertFalse(event.has(FindingActivity.FIELD));
    }
}
