package dev.slk.ocsf.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Types of OCSF 1.1 attributes by name.
 *
 * <p>An OCSF attribute name has one type wherever it appears, so a name is enough to know how to
 * check and store a value. Names not in the table are typed from their values.
 */
public final class OcsfAttributes {
    private static final Map<String, Attribute> BY_NAME = load();

    private OcsfAttributes() {
    }

    /**
     * @param name an attribute name (the last segment of a path)
     * @return its type, or empty when slk does not know the attribute
     */
    public static Optional<Attribute> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** @return every known attribute, by name */
    public static Map<String, Attribute> all() {
        return BY_NAME;
    }

    private static Map<String, Attribute> load() {
        JsonNode root = SchemaResources.read("ocsf-attributes.json");
        Map<String, Attribute> out = new LinkedHashMap<>();
        root.path("attributes").properties().forEach(e -> {
            String spec = e.getValue().asText();
            boolean array = spec.endsWith("[]");
            String base = array ? spec.substring(0, spec.length() - 2) : spec;
            out.put(e.getKey(), new Attribute(e.getKey(), AttributeType.valueOf(base.toUpperCase(Locale.ROOT)), array));
        });
        return Collections.unmodifiableMap(out);
    }
}
