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
 * ({@code eventProcessor.memorySize}).
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

    /** @return every key, objects and their children, with its schema, in schema order */
    public Map<String, JsonNode> all() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        walk(root, "", keys);
        return keys;
    }

    /** @return the keys that have no child keys: the ones a README documents one by one */
    public List<String> leaves() {
        List<String> leaves = new ArrayList<>();
        all().forEach((key, schema) -> {
            if (!schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
                leaves.add(key);
            }
        });
        return leaves;
    }

    private static void walk(JsonNode schema, String prefix, Map<String, JsonNode> keys) {
        schema.path("properties").properties().forEach(e -> {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            keys.put(key, e.getValue());
            walk(e.getValue(), key, keys);
        });
    }
}
