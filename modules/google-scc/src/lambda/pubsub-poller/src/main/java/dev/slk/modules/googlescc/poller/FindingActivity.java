/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What a notification says happened to its finding, as the field {@value #FIELD} the module's
 * mappings read (they compare with constants only, so the comparison of two times happens here):
 * {@code closed} when the finding's state is INACTIVE or it is muted, {@code updated} when its
 * eventTime is later than its createTime (SCC notifies again on every change), {@code new}
 * otherwise. Security Command Center sends the finding whole each time.
 */
final class FindingActivity {
    static final String FIELD = "slk_activity";

    private FindingActivity() {
    }

    static void annotate(ObjectNode event) {
        JsonNode finding = event.path("finding");
        if (!finding.isObject()) {
            return;
        }
        event.put(FIELD, of(finding));
    }

    static String of(JsonNode finding) {
        if ("INACTIVE".equals(finding.path("state").asText()) || "MUTED".equals(finding.path("mute").asText())) {
            return "closed";
        }
        Instant event = time(finding.path("eventTime"));
        Instant created = time(finding.path("createTime"));
        return event != null && created != null && event.isAfter(created) ? "updated" : "new";
    }

    private static Instant time(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
