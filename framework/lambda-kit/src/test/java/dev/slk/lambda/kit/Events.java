package dev.slk.lambda.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Test events of a chosen size, and reading them back out of queue messages. */
final class Events {
    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** @return an event whose compact JSON is exactly {@code bytes} long, with {@code id} to tell it apart */
    static ObjectNode sized(int id, int bytes) {
        ObjectNode event = JSON.createObjectNode().put("id", id).put("pad", "");
        int base = JSON.valueToTree(event).toString().length();
        return event.put("pad", "x".repeat(bytes - base));
    }

    static List<ObjectNode> sized(int count, int bytes, int firstId) {
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(sized(firstId + i, bytes));
        }
        return events;
    }

    /** @return the events of each body, read as the {@code {"events": [...]}} envelope */
    static List<JsonNode> unpack(List<String> bodies) {
        List<JsonNode> events = new ArrayList<>();
        for (String body : bodies) {
            JsonNode root = FlakySqs.json(body);
            JsonNode list = root.has("events") ? root.get("events") : root.get("event_data");
            list.forEach(events::add);
        }
        return events;
    }

    /** @return the ids of the events, in the order given */
    static List<Integer> ids(List<? extends JsonNode> events) {
        return events.stream().map(e -> e.path("id").asInt()).toList();
    }

    /** @return an object nested {@code depth} levels deep, counting itself as 1 */
    static ObjectNode nested(int depth) {
        ObjectNode root = JSON.createObjectNode().put("id", -depth);
        ObjectNode at = root;
        for (int i = 1; i < depth; i++) {
            at = at.putObject("n");
        }
        return root;
    }
}
