package dev.slk.lambda.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Cuts an ASFF finding down to the limits BatchImportFindings enforces, so that an over-long text
 * does not cost the whole finding. Identifiers (Id, GeneratorId, ProductArn, AwsAccountId) are never
 * cut: a cut identifier would name another finding, so Security Hub's refusal is reported instead.
 */
public final class AsffLimits {
    /** Text attributes and their maximum length in characters. */
    static final Map<String, Integer> TEXT = Map.of(
            "Title", 256,
            "Description", 1024,
            "Remediation.Recommendation.Text", 512,
            "Note.Text", 512,
            "SourceUrl", 2048);
    /** Arrays and their maximum number of entries. */
    static final Map<String, Integer> ARRAYS = Map.of("Types", 50, "Resources", 32, "RelatedFindings", 10,
            "Malware", 5, "Threats", 32, "Vulnerabilities", 20);
    /** Maps of strings: at most 50 pairs, keys of at most 128 characters, values of at most the given length. */
    static final Map<String, Integer> MAPS = Map.of("ProductFields", 2048, "UserDefinedFields", 1024);
    static final int MAP_PAIRS = 50;
    static final int MAP_KEY = 128;
    static final int TYPE_LENGTH = 128;

    private AsffLimits() {
    }

    /**
     * Truncates in place.
     *
     * @param finding an ASFF finding
     * @return the attributes that were cut, e.g. {@code Title (312 > 256 characters)}; empty when none
     */
    public static List<String> truncate(ObjectNode finding) {
        List<String> cut = new ArrayList<>();
        TEXT.forEach((path, max) -> {
            ObjectNode parent = parentOf(finding, path);
            String field = path.substring(path.lastIndexOf('.') + 1);
            JsonNode v = parent == null ? null : parent.get(field);
            if (v != null && v.isTextual() && v.asText().length() > max) {
                parent.put(field, cutText(v.asText(), max));
                cut.add(path + " (" + v.asText().length() + " > " + max + " characters)");
            }
        });
        ARRAYS.forEach((field, max) -> {
            JsonNode v = finding.get(field);
            if (v instanceof ArrayNode a && a.size() > max) {
                int size = a.size();
                while (a.size() > max) {
                    a.remove(a.size() - 1);
                }
                cut.add(field + " (" + size + " > " + max + " entries)");
            }
        });
        if (finding.get("Types") instanceof ArrayNode types) {
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i).isTextual() && types.get(i).asText().length() > TYPE_LENGTH) {
                    cut.add("Types[" + i + "] (" + types.get(i).asText().length() + " > " + TYPE_LENGTH + " characters)");
                    types.set(i, types.get(i).asText().substring(0, TYPE_LENGTH));
                }
            }
        }
        MAPS.forEach((field, maxValue) -> {
            if (finding.get(field) instanceof ObjectNode map) {
                truncateMap(field, map, maxValue, cut);
            }
        });
        return cut;
    }

    private static void truncateMap(String field, ObjectNode map, int maxValue, List<String> cut) {
        int pairs = 0;
        int dropped = 0;
        Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator();
        List<String> remove = new ArrayList<>();
        List<String> longKeys = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (++pairs > MAP_PAIRS) {
                remove.add(e.getKey());
                dropped++;
                continue;
            }
            if (e.getKey().length() > MAP_KEY) {
                longKeys.add(e.getKey());
            }
            JsonNode v = e.getValue();
            if (v.isTextual() && v.asText().length() > maxValue) {
                cut.add(field + "." + e.getKey() + " (" + v.asText().length() + " > " + maxValue + " characters)");
                e.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(cutText(v.asText(), maxValue)));
            }
        }
        remove.forEach(map::remove);
        for (String key : longKeys) {
            JsonNode v = map.remove(key);
            String shorter = key.substring(0, MAP_KEY);
            if (!map.has(shorter)) {
                map.set(shorter, v);
            }
            cut.add(field + " key " + shorter + "... (" + key.length() + " > " + MAP_KEY + " characters)");
        }
        if (dropped > 0) {
            cut.add(field + " (" + (MAP_PAIRS + dropped) + " > " + MAP_PAIRS + " pairs)");
        }
    }

    private static String cutText(String s, int max) {
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static ObjectNode parentOf(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
            if (!(node instanceof ObjectNode)) {
                return null;
            }
        }
        return (ObjectNode) node;
    }
}
