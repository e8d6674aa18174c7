package dev.slk.ocsf.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The OCSF 1.1 event classes Security Lake custom sources may declare, with what each requires. */
public final class OcsfClasses {
    /** The OCSF version slk writes into {@code metadata.version} when a mapping does not set it. */
    public static final String OCSF_VERSION;
    private static final Map<String, OcsfClass> BY_NAME;
    private static final Map<Integer, OcsfClass> BY_UID;

    static {
        JsonNode root = SchemaResources.read("ocsf-classes.json");
        OCSF_VERSION = root.path("ocsfVersion").asText();
        List<String> base = new ArrayList<>();
        root.path("baseRequiredAttributes").forEach(n -> base.add(n.asText()));
        Map<String, OcsfClass> byName = new LinkedHashMap<>();
        Map<Integer, OcsfClass> byUid = new LinkedHashMap<>();
        for (JsonNode c : root.path("classes")) {
            int uid = c.get("classUid").asInt();
            List<String> required = new ArrayList<>(base);
            c.path("requiredAttributes").forEach(n -> required.add(n.asText()));
            Map<Integer, String> activities = new LinkedHashMap<>();
            c.path("activities").properties().forEach(e -> activities.put(Integer.parseInt(e.getKey()),
                    e.getValue().asText()));
            int category = uid / 1000;
            OcsfClass cls = new OcsfClass(c.get("name").asText(), uid, c.get("caption").asText(), category,
                    root.path("categories").path(Integer.toString(category)).asText(), required, activities);
            byName.put(cls.name(), cls);
            byUid.put(uid, cls);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        BY_UID = Collections.unmodifiableMap(byUid);
    }

    private OcsfClasses() {
    }

    /**
     * @param name a class name as Security Lake writes it, e.g. {@code DETECTION_FINDING}
     * @return the class, if Security Lake accepts it from custom sources
     */
    public static Optional<OcsfClass> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * @param classUid a class_uid
     * @return the class, if Security Lake accepts it from custom sources
     */
    public static Optional<OcsfClass> byUid(int classUid) {
        return Optional.ofNullable(BY_UID.get(classUid));
    }

    /** @return every class by name, in class_uid order */
    public static Map<String, OcsfClass> all() {
        return BY_NAME;
    }
}
