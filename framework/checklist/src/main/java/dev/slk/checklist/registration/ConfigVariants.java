package dev.slk.checklist.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.checklist.SchemaKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Invalid variants of a module's example config block, generated from its schema: each required
 * key removed, each typed key given a value of the wrong type, each bounded number pushed just out
 * of its range, and an unknown key at the top. A key of the objects in an array is varied in the
 * example's first item; when the example has no item there, that key has no variant.
 */
final class ConfigVariants {
    /** The key the unknown-key variant adds. */
    static final String UNKNOWN_KEY = "checklistUnknownKey";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigVariants() {
    }

    /**
     * One invalid config.
     *
     * @param description what was changed, for people
     * @param key the key the message must name (its last segment)
     * @param config the whole config block
     */
    record Variant(String description, String key, ObjectNode config) {
    }

    static List<Variant> of(SchemaKeys schema, ObjectNode example) {
        List<Variant> variants = new ArrayList<>();
        required(schema.root(), "", example, variants);
        for (Map.Entry<String, JsonNode> e : schema.all().entrySet()) {
            String key = e.getKey();
            if (!schema.arraysAbove(key).stream().allMatch(array -> item(at(example, array)) instanceof ObjectNode)) {
                continue;
            }
            JsonNode keySchema = e.getValue();
            wrongType(key, keySchema.path("type").asText(""), example).ifPresent(variants::add);
            bound(key, keySchema, "minimum", -1, example).ifPresent(variants::add);
            bound(key, keySchema, "maximum", 1, example).ifPresent(variants::add);
            bound(key, keySchema, "exclusiveMinimum", 0, example).ifPresent(variants::add);
            bound(key, keySchema, "exclusiveMaximum", 0, example).ifPresent(variants::add);
        }
        ObjectNode unknown = example.deepCopy();
        unknown.put(UNKNOWN_KEY, "x");
        variants.add(new Variant("unknown key " + UNKNOWN_KEY + " added", UNKNOWN_KEY, unknown));
        return variants;
    }

    private static void required(JsonNode schema, String prefix, ObjectNode example, List<Variant> variants) {
        for (JsonNode name : schema.path("required")) {
            String key = prefix.isEmpty() ? name.asText() : prefix + "." + name.asText();
            if (at(example, key) != null) {
                ObjectNode variant = example.deepCopy();
                ObjectNode parent = parent(variant, key);
                parent.remove(last(key));
                variants.add(new Variant("required key " + key + " removed", last(key), variant));
            }
        }
        schema.path("properties").properties().forEach(p -> {
            String key = prefix.isEmpty() ? p.getKey() : prefix + "." + p.getKey();
            JsonNode value = at(example, key);
            if (value instanceof ObjectNode) {
                required(p.getValue(), key, example, variants);
            } else if (value instanceof ArrayNode && item(value) instanceof ObjectNode) {
                required(p.getValue().path("items"), key, example, variants);
            }
        });
    }

    private static java.util.Optional<Variant> wrongType(String key, String type, ObjectNode example) {
        JsonNode wrong = switch (type) {
            case "string" -> NODES.numberNode(12345);
            case "integer", "number" -> NODES.textNode("not-a-number");
            case "boolean" -> NODES.textNode("maybe");
            case "object", "array" -> NODES.textNode("text");
            default -> null;
        };
        if (wrong == null) {
            return java.util.Optional.empty();
        }
        ObjectNode variant = example.deepCopy();
        parent(variant, key).set(last(key), wrong);
        return java.util.Optional.of(new Variant(key + " given " + wrong + " where the schema asks for " + type,
                last(key), variant));
    }

    private static java.util.Optional<Variant> bound(String key, JsonNode schema, String keyword, int step,
            ObjectNode example) {
        if (!schema.path(keyword).isNumber()) {
            return java.util.Optional.empty();
        }
        JsonNode limit = schema.path(keyword);
        boolean integral = "integer".equals(schema.path("type").asText()) || limit.isIntegralNumber();
        JsonNode value = integral ? NODES.numberNode(limit.asLong() + step)
                : NODES.numberNode(limit.asDouble() + (step == 0 ? 0 : step * Math.max(1e-6, Math.abs(limit.asDouble()) * 1e-6)));
        ObjectNode variant = example.deepCopy();
        parent(variant, key).set(last(key), value);
        return java.util.Optional.of(new Variant(key + " = " + value + " (" + keyword + " " + limit + ")", last(key),
                variant));
    }

    private static JsonNode at(ObjectNode root, String key) {
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            node = item(node).get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The object holding the key's value, made (replacing what is not an object) where missing. */
    private static ObjectNode parent(ObjectNode root, String key) {
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = item(node.get(parts[i]));
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        return node;
    }

    /** An array stands for its items by its first one; any other node (or null) for itself. */
    private static JsonNode item(JsonNode node) {
        return node instanceof ArrayNode array && !array.isEmpty() ? array.get(0) : node;
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
