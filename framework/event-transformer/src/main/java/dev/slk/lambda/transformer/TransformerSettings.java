package dev.slk.lambda.transformer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.ocsf.schema.OcsfClass;
import dev.slk.ocsf.schema.OcsfClasses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transformer's configuration, read from the environment the synth stack sets.
 *
 * @param bucket {@code SECURITY_LAKE_BUCKET}
 * @param sources {@code SECURITY_LAKE_SOURCES}, in routing order
 * @param mappingsDir {@code SLK_MAPPINGS_DIR}
 * @param asffQueueUrl {@code ASFF_QUEUE_URL}, when Security Hub is enabled
 * @param moduleId {@code SLK_MODULE_ID}, the module id on every log line
 */
public record TransformerSettings(String bucket, List<CustomSource> sources, Path mappingsDir,
        Optional<String> asffQueueUrl, String moduleId) {

    /** Where the synth stack's mappings layer puts module mappings. */
    public static final String DEFAULT_MAPPINGS_DIR = "/opt/slk/mappings";
    private static final Pattern S3_URL = Pattern.compile("^s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.*)$");
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern SOURCE_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    public TransformerSettings {
        sources = List.copyOf(sources);
    }

    /**
     * @param env the environment
     * @return the settings
     * @throws IllegalStateException with one line naming the variable and what is wrong with it
     */
    public static TransformerSettings fromEnvironment(Map<String, String> env) {
        String bucket = env.getOrDefault("SECURITY_LAKE_BUCKET", "").strip();
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalStateException("SECURITY_LAKE_BUCKET must be a bucket name, got '" + bucket + "'");
        }
        List<CustomSource> sources = parseSources(env.get("SECURITY_LAKE_SOURCES"), bucket);
        String dir = env.getOrDefault("SLK_MAPPINGS_DIR", "").isBlank() ? DEFAULT_MAPPINGS_DIR
                : env.get("SLK_MAPPINGS_DIR").strip();
        String queue = env.getOrDefault("ASFF_QUEUE_URL", "").strip();
        String module = env.getOrDefault("SLK_MODULE_ID", "").isBlank() ? "core" : env.get("SLK_MODULE_ID").strip();
        return new TransformerSettings(bucket, sources, Path.of(dir), queue.isEmpty() ? Optional.empty()
                : Optional.of(queue), module);
    }

    static List<CustomSource> parseSources(String json, String bucket) {
        String var = "SECURITY_LAKE_SOURCES";
        if (json == null || json.isBlank()) {
            throw new IllegalStateException(var + " is not set; it lists the custom sources as a JSON array");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int source = message.indexOf(" (start marker");
            throw new IllegalStateException(var + " is not JSON: " + (source > 0 ? message.substring(0, source) : message)
                    + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
        }
        if (!root.isArray() || root.isEmpty()) {
            throw new IllegalStateException(var + " must be a non-empty JSON array of custom sources");
        }
        List<CustomSource> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode s = root.get(i);
            String at = var + "[" + i + "]";
            String name = s.path("sourceName").asText("");
            if (!SOURCE_NAME.matcher(name).matches()) {
                throw new IllegalStateException(at + ".sourceName must be 1-64 letters, digits, '_' or '-', got '" + name + "'");
            }
            String version = s.path("sourceVersion").asText("");
            if (version.isBlank() || version.contains("/")) {
                throw new IllegalStateException(at + ".sourceVersion must be set (e.g. \"1.0\")");
            }
            Set<Integer> classes = new LinkedHashSet<>();
            JsonNode list = s.path("eventClasses");
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalStateException(at + ".eventClasses must list OCSF class names such as DETECTION_FINDING");
            }
            for (JsonNode c : list) {
                Optional<OcsfClass> cls = OcsfClasses.byName(c.asText());
                if (cls.isEmpty()) {
                    throw new IllegalStateException(at + ".eventClasses: '" + c.asText()
                            + "' is not a class Security Lake custom sources accept");
                }
                classes.add(cls.get().uid());
            }
            String location = s.path("location").asText("");
            if (location.isBlank()) {
                location = "s3://" + bucket + "/ext/" + name + "/" + version + "/";
            }
            Matcher m = S3_URL.matcher(location);
            if (!m.matches()) {
                throw new IllegalStateException(at + ".location must be s3://bucket/prefix/, got '" + location + "'");
            }
            String prefix = m.group(2);
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix = prefix + "/";
            }
            out.add(new CustomSource(name, version, classes, m.group(1), prefix));
        }
        return out;
    }

    /**
     * @param classUid an OCSF class_uid
     * @return the first source whose event classes include it
     */
    public Optional<CustomSource> sourceFor(int classUid) {
        return sources.stream().filter(s -> s.classUids().contains(classUid)).findFirst();
    }
}
