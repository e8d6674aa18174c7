package dev.slk.lambda.securityhub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reads an ASFF-queue message: one finding, a list of findings, or {@code {"Findings": [...]}}. */
public final class AsffMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a body gave. */
    public sealed interface Parsed {
        /** @param findings the findings */
        record Findings(List<ObjectNode> findings) implements Parsed {
        }

        /** @param reason one line, never quoting the body */
        record Unreadable(String reason) implements Parsed {
        }
    }

    private AsffMessages() {
    }

    /**
     * @param body a message body
     * @return the findings, or why not
     */
    public static Parsed parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return new Parsed.Unreadable("body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return new Parsed.Unreadable("body is empty");
        }
        JsonNode list = root.isObject() && root.has("Findings") ? root.get("Findings") : root;
        List<ObjectNode> out = new ArrayList<>();
        if (list.isObject()) {
            out.add((ObjectNode) list);
        } else if (list.isArray()) {
            for (JsonNode f : list) {
                if (!f.isObject()) {
                    return new Parsed.Unreadable("a finding is not a JSON object");
                }
                out.add((ObjectNode) f);
            }
        } else {
            return new Parsed.Unreadable("body is neither a finding nor a list of findings");
        }
        for (ObjectNode f : out) {
            if (!f.path("Id").isTextual() || f.get("Id").asText().isBlank()) {
                return new Parsed.Unreadable("a finding has no Id");
            }
        }
        return new Parsed.Findings(out);
    }
}
