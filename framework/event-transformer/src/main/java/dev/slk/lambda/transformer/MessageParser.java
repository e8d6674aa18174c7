package dev.slk.lambda.transformer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of an event-queue message. A body is a single event, a list of events,
 * {@code {"events": [...]}}, or the module envelope
 * {@code {"event_data": ..., "event_metadata": ..., "processing_metadata": ...}} whose
 * {@code event_data} is one event or a list (see docs/EVENT_TRANSFORMER.md).
 */
public final class MessageParser {
    /** Deeper nesting than this is refused before any mapping sees it. */
    static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());

    /** What a body gave. */
    public sealed interface Parsed {
        /** @param events the events, possibly none */
        record Events(List<SourceEvent> events) implements Parsed {
        }

        /** @param reason one line; never quotes the body */
        record Unreadable(String reason) implements Parsed {
        }
    }

    private MessageParser() {
    }

    /**
     * @param body the message body
     * @return the events, or why the body is unreadable
     */
    public static Parsed parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            String message = e.getOriginalMessage();
            int source = message.indexOf(" (start marker");
            return new Parsed.Unreadable("body is not JSON: " + (source > 0 ? message.substring(0, source) : message) + at);
        }
        if (root == null || root.isMissingNode()) {
            return new Parsed.Unreadable("body is empty");
        }
        if (root.isObject() && root.has("event_data")) {
            JsonNode meta = root.path("event_metadata");
            if (!meta.isMissingNode() && !meta.isNull() && !meta.isObject()) {
                return new Parsed.Unreadable("event_metadata must be an object");
            }
            String module = text(meta, "module_id");
            String mapping = text(meta, "mapping_id");
            return events(root.get("event_data"), module, mapping, "event_data");
        }
        if (root.isObject() && root.size() == 1 && root.has("events")) {
            return events(root.get("events"), null, null, "events");
        }
        return events(root, null, null, "body");
    }

    private static Parsed events(JsonNode node, String module, String mapping, String what) {
        List<SourceEvent> out = new ArrayList<>();
        if (node.isObject()) {
            out.add(new SourceEvent(node, module, mapping));
            return new Parsed.Events(out);
        }
        if (!node.isArray()) {
            return new Parsed.Unreadable(what + " must be an event (a JSON object) or a list of events");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                return new Parsed.Unreadable(what + "[" + i + "] is not an event (a JSON object)");
            }
            out.add(new SourceEvent(node.get(i), module, mapping));
        }
        return new Parsed.Events(out);
    }

    private static String text(JsonNode meta, String key) {
        JsonNode v = meta.get(key);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
