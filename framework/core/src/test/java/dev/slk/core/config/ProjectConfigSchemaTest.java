package dev.slk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.schema.JsonSchemaDocument;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.yaml.YamlLoader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The project schema is the configuration's source of truth; {@link ProjectConfig} is the model
 * synth builds from. These tests fail on any key one has and the other lacks, on any type that
 * differs, and on any default the model does not carry as the schema states it.
 */
class ProjectConfigSchemaTest {
    private static final JsonSchemaDocument SCHEMA = ProjectSchema.document();
    /** Applied to the rest of the file before the model is bound (EnvironmentOverrides). */
    private static final Set<String> NOT_BOUND = Set.of("/development", "/production");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theModelHasExactlyTheSchemasKeysWithTheSchemasTypes() {
        List<String> differences = new ArrayList<>();
        compare(ProjectConfig.class, SchemaKeys.at(""), "", differences);
        assertEquals(List.of(), differences);
    }

    @Test
    void theModelCarriesEverySchemaDefault() throws Exception {
        // One custom source and one integration, so that the defaults inside list items and map
        // entries are filled in too.
        String yaml = """
                projectName: demo
                environment: dev
                awsRegion: us-east-1
                securityLake:
                  s3Bucket: bucket
                  externalId: secretsmanager:demo/external-id
                  serviceRole: role
                  OCSFEventClass:
                    - sourceName: source
                      eventClasses: [SECURITY_FINDING]
                integrations:
                  any-module: {}
                """;
        ProjectConfig model = ConfigValidator.bind(ConfigValidator.effective(
                new YamlLoader().parse(yaml, "config.yaml").root()));
        JsonNode bound = JSON.valueToTree(model);
        Map<String, String> written = Map.of("/securityLake/OCSFEventClass", "/0", "/integrations", "/any-module");
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        collectDefaults(SchemaKeys.at(""), "", written, defaults);
        written.keySet().forEach(defaults::remove);
        assertTrue(defaults.size() > 60, "found " + defaults.keySet());

        List<String> differences = new ArrayList<>();
        defaults.forEach((pointer, expected) -> {
            JsonNode actual = bound.at(pointer);
            if (!same(expected, actual)) {
                differences.add(pointer + ": schema default " + expected + ", model " + actual);
            }
        });
        assertEquals(List.of(), differences);
    }

    private static void compare(Class<?> record, JsonNode schema, String path, List<String> out) {
        Map<String, RecordComponent> fields = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
            fields.put(renamed != null ? renamed.value() : c.getName(), c);
        }
        for (Map.Entry<String, JsonNode> key : SCHEMA.properties(schema).entrySet()) {
            String pointer = path + "/" + key.getKey();
            JsonNode keySchema = SCHEMA.resolve(key.getValue());
            RecordComponent field = fields.remove(key.getKey());
            boolean ignored = keySchema.path("deprecated").asBoolean() || NOT_BOUND.contains(pointer);
            if (field == null && !ignored) {
                out.add(pointer + ": in the schema, not in " + record.getSimpleName());
            } else if (field != null && ignored) {
                out.add(pointer + ": the schema ignores it, but " + record.getSimpleName() + " binds it");
            } else if (field != null) {
                compareType(field.getGenericType(), keySchema, pointer, out);
            }
        }
        fields.keySet().forEach(name -> out.add(path + "/" + name + ": in " + record.getSimpleName()
                + ", not in the schema"));
    }

    private static void compareType(Type type, JsonNode schema, String pointer, List<String> out) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String expected = raw == boolean.class ? "boolean"
                : raw == int.class ? "integer"
                : raw == double.class ? "number"
                : raw == String.class ? "string"
                : raw == List.class ? "array"
                : raw.isRecord() || raw == Map.class || raw == JsonNode.class ? "object"
                : "unsupported " + raw.getName();
        String actual = schema.path("type").asText();
        if (!expected.equals(actual)) {
            out.add(pointer + ": the schema says " + actual + ", the model holds " + expected + " (" + raw.getSimpleName()
                    + ")");
            return;
        }
        if (raw.isRecord()) {
            compare(raw, schema, pointer, out);
        } else if (raw == List.class) {
            compareType(argument(type, 0), SCHEMA.resolve(schema.get("items")), pointer + "/*", out);
        } else if (raw == Map.class) {
            compareMapValues(argument(type, 1), SCHEMA.resolve(schema.path("additionalProperties")), pointer + "/*",
                    out);
        }
    }

    /** A map of strings may hold any scalar: YAML writers give numbers and booleans, Jackson makes them text. */
    private static void compareMapValues(Type values, JsonNode schema, String pointer, List<String> out) {
        if (values == String.class && schema.path("type").isArray()) {
            List<String> types = new ArrayList<>();
            schema.path("type").forEach(t -> types.add(t.asText()));
            if (!Set.of("string", "number", "boolean").containsAll(types)) {
                out.add(pointer + ": the schema allows " + types + ", the model holds strings");
            }
            return;
        }
        compareType(values, schema, pointer, out);
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static void collectDefaults(JsonNode schema, String path, Map<String, String> sampleEntries,
            Map<String, JsonNode> out) {
        for (Map.Entry<String, JsonNode> key : SCHEMA.properties(schema).entrySet()) {
            String pointer = path + "/" + key.getKey();
            JsonNode keySchema = SCHEMA.resolve(key.getValue());
            if (keySchema.path("deprecated").asBoolean() || NOT_BOUND.contains(pointer)) {
                continue;
            }
            JsonNode fallback = key.getValue().has("default") ? key.getValue().get("default") : keySchema.get("default");
            if (fallback != null) {
                out.put(pointer, fallback);
            }
            collectDefaults(keySchema, pointer, sampleEntries, out);
            String entry = sampleEntries.get(pointer);
            if (entry != null && keySchema.has("items")) {
                collectDefaults(SCHEMA.resolve(keySchema.get("items")), pointer + entry, sampleEntries, out);
            } else if (entry != null && keySchema.path("additionalProperties").isObject()) {
                collectDefaults(SCHEMA.resolve(keySchema.get("additionalProperties")), pointer + entry, sampleEntries,
                        out);
            }
        }
    }

    /** Numbers compare by value: the schema's default 1 is the model's 1.0. */
    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
