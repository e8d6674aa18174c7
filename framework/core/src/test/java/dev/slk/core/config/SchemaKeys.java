package dev.slk.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.slk.core.schema.JsonSchemaDocument;

/** Finds the schema of a configuration key by its JSON pointer, in the project schema. */
final class SchemaKeys {
    private static final JsonSchemaDocument SCHEMA = ProjectSchema.document();

    private SchemaKeys() {
    }

    /**
     * @param pointer a key of a configuration file; a list index stands for any item, any name
     *     under a map of blocks for any entry
     * @return the key's schema with references followed, or a missing node when the schema has no such key
     */
    static JsonNode at(String pointer) {
        JsonNode node = SCHEMA.root();
        if (pointer.isEmpty()) {
            return node;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            node = SCHEMA.resolve(node);
            JsonNode property = SCHEMA.properties(node).get(segment);
            if (property != null) {
                node = property;
            } else if (node.has("items") && segment.matches("\\d+")) {
                node = node.get("items");
            } else if (node.path("additionalProperties").isObject()) {
                node = node.get("additionalProperties");
            } else {
                return MissingNode.getInstance();
            }
        }
        return SCHEMA.resolve(node);
    }
}
