package dev.slk.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A module's {@code config.schema.json}: where it is and the keys it defines, as dotted paths
 * ({@code eventProcessor.memorySize}). The keys of the objects in an array are its children, with
 * no index: {@code pollers.timeout} is the {@code timeout} of each item of {@code pollers}.
 *
 * @param file the schema file
 * @param root the parsed schema
 */
public record SchemaKeys(Path file, JsonNode root) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param module the module
     * @return its schema, the first {@code config.schema.json} under src/main/resources
     * @throws IOException when it exists but cannot be read or parsed
     */
    public static Optional<SchemaKeys> find(ModuleUnderCheck module) throws IOException {
        Path resources = module.dir().resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return Optional.empty();
        }
        Optional<Path> file;
        try (Stream<Path> walk = Files.walk(resources)) {
            file = walk.filter(p -> p.getFileName().toString().equals("config.schema.json")).sorted().findFirst();
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SchemaKeys(file.get(), JSON.readTree(file.get().toFile())));
    }

    /** @return every key, objects and arrays of objects and their children, with its schema, in schema order */
    public Map<String, JsonNode> all() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        walk(root, "", keys);
        return keys;
    }

    /** @return the keys that have no child keys: the ones a README documents one by one */
    public List<String> leaves() {
        List<String> leaves = new ArrayList<>();
        all().forEach((key, schema) -> {
            if (children(schema).isEmpty()) {
                leaves.add(key);
            }
        });
        return leaves;
    }

    /**
     * @param key a dotted key
     * @return the array key above it, nearest first ({@code pollers} for {@code pollers.timeout})
     */
    public List<String> arraysAbove(String key) {
        List<String> arrays = new ArrayList<>();
        String[] parts = key.split("\\.");
        JsonNode schema = root;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            schema = schema.path("properties").path(parts[i]);
            path.append(i == 0 ? "" : ".").append(parts[i]);
            if (schema.path("items").isObject()) {
                arrays.add(0, path.toString());
                schema = schema.path("items");
            }
        }
        return arrays;
    }

    /** The properties of an object's schema, or of an array's item schema. */
    private static JsonNode children(JsonNode schema) {
        JsonNode own = schema.path("properties");
        return own.isObject() && !own.isEmpty() ? own : schema.path("items").path("properties");
    }

    private static void walk(JsonNode schema, String prefix, Map<String, JsonNode> keys) {
        children(schema).properties().forEach(e -> {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            keys.put(key, e.getValue());
            walk(e.getValue(), key, keys);
        });
    }
}
