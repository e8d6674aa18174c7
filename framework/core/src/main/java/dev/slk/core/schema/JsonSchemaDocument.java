package dev.slk.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema as a tree, with the few navigation steps slk needs beyond validation: following
 * local {@code $ref}s, listing an object's properties, finding the node a validation message
 * points at. Only local references ({@code #/...}) are followed; slk's schemas use no others.
 */
public final class JsonSchemaDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode root;

    /**
     * @param name where the schema comes from, for messages
     * @param root the schema
     */
    public JsonSchemaDocument(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /**
     * Reads a schema resource.
     *
     * @param url the resource
     * @return the schema
     * @throws IOException when it cannot be read or is not JSON
     */
    public static JsonSchemaDocument read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new JsonSchemaDocument(url.toString(), JSON.readTree(in));
        }
    }

    /** @return where the schema comes from */
    public String name() {
        return name;
    }

    /** @return the schema tree */
    public JsonNode root() {
        return root;
    }

    /**
     * Follows a local {@code $ref}, if the node has one (repeatedly).
     *
     * @param schema a schema node
     * @return the referenced node, or {@code schema} itself
     */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 16 && current != null && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return current;
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }

    /**
     * The properties a schema object declares, in declaration order, with refs resolved.
     *
     * @param schema a schema node
     * @return name to property schema; empty when none
     */
    public Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode resolved = resolve(schema);
        JsonNode props = resolved == null ? null : resolved.get("properties");
        if (props != null) {
            props.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * The node at a JSON pointer within the schema, e.g. the fragment of a validation message's
     * schema location.
     *
     * @param pointer JSON pointer, may be empty
     * @return the node, or a missing node
     */
    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /**
     * The names of the properties declared next to a keyword, e.g. for
     * {@code /properties/encryption/additionalProperties}: the properties of
     * {@code /properties/encryption}.
     *
     * @param keywordPointer pointer of a keyword within the schema
     * @return property names, in declaration order
     */
    public List<String> siblingPropertyNames(String keywordPointer) {
        int cut = keywordPointer.lastIndexOf('/');
        JsonNode parent = cut < 0 ? root : root.at(keywordPointer.substring(0, cut));
        return new ArrayList<>(properties(parent).keySet());
    }
}
