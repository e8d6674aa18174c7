package dev.slk.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import dev.slk.core.yaml.YamlLoader;

/**
 * Fills in the {@code default} of every absent property, creating absent objects so that their
 * own properties get defaults too. The schema is the one place defaults are written down; the
 * config model and the documentation both read them from there.
 */
public final class SchemaDefaults {
    private SchemaDefaults() {
    }

    /**
     * @param schema the schema
     * @param instance the document; not modified
     * @return a copy of the document with defaults filled in
     */
    public static JsonNode apply(JsonSchemaDocument schema, JsonNode instance) {
        JsonNode copy = instance.deepCopy();
        fill(schema, schema.root(), copy);
        return copy;
    }

    /**
     * Lists the keys present in the document that the schema marks {@code deprecated}: accepted
     * for compatibility and ignored.
     *
     * @param schema the schema
     * @param instance the document
     * @return pointer and the key's description, for each such key
     */
    public static List<IgnoredKey> ignoredKeys(JsonSchemaDocument schema, JsonNode instance) {
        return find(schema, instance, p -> p.path("deprecated").asBoolean(false)).stream()
                .map(m -> new IgnoredKey(m.pointer(), m.schema().path("description").asText("")))
                .toList();
    }

    /**
     * Finds the values in the document whose property schema satisfies a test, e.g. every value
     * declared with {@code "format": "eventbridge-schedule"}. The search does not descend into a
     * value that matched.
     *
     * @param schema the schema
     * @param instance the document
     * @param test applied to each property schema (refs resolved)
     * @return the matches, in document order
     */
    public static List<Match> find(JsonSchemaDocument schema, JsonNode instance, Predicate<JsonNode> test) {
        List<Match> found = new ArrayList<>();
        collect(schema, schema.root(), instance, "", test, found);
        return found;
    }

    /**
     * A key that is accepted and ignored.
     *
     * @param pointer where it is
     * @param description why it is ignored
     */
    public record IgnoredKey(String pointer, String description) {
    }

    /**
     * A value found by {@link #find}.
     *
     * @param pointer where it is
     * @param value the value
     * @param schema its property schema
     */
    public record Match(String pointer, JsonNode value, JsonNode schema) {
    }

    private static void fill(JsonSchemaDocument schema, JsonNode schemaNode, JsonNode node) {
        JsonNode resolved = schema.resolve(schemaNode);
        if (resolved == null) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : schema.properties(resolved).entrySet()) {
                JsonNode propertySchema = schema.resolve(property.getValue());
                String name = property.getKey();
                if (!object.has(name)) {
                    if (propertySchema.has("default")) {
                        object.set(name, propertySchema.get("default").deepCopy());
                    } else if ("object".equals(propertySchema.path("type").asText())
                            && propertySchema.has("properties") && hasDefaults(schema, propertySchema)) {
                        object.putObject(name);
                    }
                }
                if (object.has(name)) {
                    fill(schema, propertySchema, object.get(name));
                }
            }
            JsonNode additional = resolved.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                Map<String, JsonNode> declared = schema.properties(resolved);
                object.properties().forEach(e -> {
                    if (!declared.containsKey(e.getKey())) {
                        fill(schema, additional, e.getValue());
                    }
                });
            }
        } else if (node.isArray() && resolved.has("items")) {
            node.forEach(item -> fill(schema, resolved.get("items"), item));
        }
    }

    private static boolean hasDefaults(JsonSchemaDocument schema, JsonNode objectSchema) {
        for (JsonNode property : schema.properties(objectSchema).values()) {
            JsonNode p = schema.resolve(property);
            if (p.has("default") || ("object".equals(p.path("type").asText()) && hasDefaults(schema, p))) {
                return true;
            }
        }
        return false;
    }

    private static void collect(JsonSchemaDocument schema, JsonNode schemaNode, JsonNode node, String pointer,
            Predicate<JsonNode> test, List<Match> found) {
        JsonNode resolved = schema.resolve(schemaNode);
        if (resolved == null || node == null) {
            return;
        }
        if (node.isObject()) {
            Map<String, JsonNode> declared = schema.properties(resolved);
            JsonNode additional = resolved.get("additionalProperties");
            node.properties().forEach(e -> {
                JsonNode propertySchema = declared.get(e.getKey());
                if (propertySchema == null && additional != null && additional.isObject()) {
                    propertySchema = additional;
                }
                if (propertySchema == null) {
                    return;
                }
                String child = pointer + "/" + YamlLoader.escape(e.getKey());
                JsonNode p = schema.resolve(propertySchema);
                if (test.test(p)) {
                    found.add(new Match(child, e.getValue(), p));
                } else {
                    collect(schema, p, e.getValue(), child, test, found);
                }
            });
        } else if (node.isArray() && resolved.has("items")) {
            for (int i = 0; i < node.size(); i++) {
                collect(schema, resolved.get("items"), node.get(i), pointer + "/" + i, test, found);
            }
        }
    }
}
