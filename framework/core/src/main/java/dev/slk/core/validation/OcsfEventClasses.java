package dev.slk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The OCSF event classes a Security Lake custom source may declare, by name. */
public final class OcsfEventClasses {
    private static final Map<String, Integer> BY_NAME = load();

    private OcsfEventClasses() {
    }

    /** @return class name to class_uid, in class_uid order */
    public static Map<String, Integer> byName() {
        return BY_NAME;
    }

    private static Map<String, Integer> load() {
        try (InputStream in = OcsfEventClasses.class.getResourceAsStream("ocsf-event-classes.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Integer> out = new LinkedHashMap<>();
            root.path("classes").forEach(c -> out.put(c.get("name").asText(), c.get("classUid").asInt()));
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("slk is damaged: cannot read ocsf-event-classes.json", e);
        }
    }
}
