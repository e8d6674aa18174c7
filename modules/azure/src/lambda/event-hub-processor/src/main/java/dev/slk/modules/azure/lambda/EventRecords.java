/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The security records an Event Hubs event carries, each a JSON object as the source wrote it.
 * Azure Monitor diagnostic settings (Entra ID sign-in and audit logs, activity logs) send
 * {@code {"records": [...]}}; Defender for Cloud continuous export sends a JSON array of alerts,
 * assessments, secure scores or compliance results, or one object. A body that is not JSON, or a
 * value that is not an object, becomes {@code {"azure_event_body": ...}}, which the module's
 * fallback mapping records, so nothing is dropped or retried for its shape. Each record read from an
 * event also gets {@value #ENQUEUED_TIME}, the epoch milliseconds at which the event reached the
 * Event Hub: the one time the fallback mapping can trust, whatever the record holds.
 */
final class EventRecords {
    /** The field an event body that is not a JSON object is kept in. */
    static final String RAW_BODY = "azure_event_body";
    /** The field every record gets: when its event was enqueued, in epoch milliseconds. */
    static final String ENQUEUED_TIME = "slk_enqueued_time";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventRecords() {
    }

    /** @return the event's records, each with {@value #ENQUEUED_TIME} set */
    static List<ObjectNode> of(ReceivedEvent event) {
        List<ObjectNode> records = of(event.body());
        records.forEach(record -> stamp(record, event));
        return records;
    }

    /** Sets {@value #ENQUEUED_TIME}, replacing a field of that name the source may have written. */
    static ObjectNode stamp(ObjectNode record, ReceivedEvent event) {
        return record.put(ENQUEUED_TIME, event.enqueuedTime().toEpochMilli());
    }

    static List<ObjectNode> of(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(raw(JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory body failed", e);
        }
        if (root == null || root.isMissingNode()) {
            return List.of(raw(JSON.getNodeFactory().textNode("")));
        }
        JsonNode records = root.isObject() && root.size() == 1 ? root.get("records") : null;
        if (records != null && records.isArray()) {
            return elements(records);
        }
        if (root.isArray()) {
            return elements(root);
        }
        return List.of(root.isObject() ? (ObjectNode) root : raw(root));
    }

    private static List<ObjectNode> elements(JsonNode array) {
        List<ObjectNode> out = new ArrayList<>(array.size());
        array.forEach(element -> out.add(element.isObject() ? (ObjectNode) element : raw(element)));
        return out;
    }

    private static ObjectNode raw(JsonNode value) {
        ObjectNode node = JSON.createObjectNode();
        node.set(RAW_BODY, value);
        return node;
    }
}
