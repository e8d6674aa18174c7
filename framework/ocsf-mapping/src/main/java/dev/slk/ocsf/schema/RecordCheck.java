package dev.slk.ocsf.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an OCSF record before it is written: the class is one Security Lake accepts, the
 * attributes the class requires are present, and every attribute slk knows has a value of its type.
 *
 * <p>Types matter beyond OCSF conformance: Security Lake's crawler derives one table schema from
 * all files of a source, so a column must keep one Parquet type in every file.
 */
public final class RecordCheck {
    /** A record with more problems than this reports the first ones only. */
    static final int MAX_PROBLEMS = 5;

    private RecordCheck() {
    }

    /**
     * Checks a record whose class is given by its own {@code class_uid}.
     *
     * @param record the record
     * @return problems as one-line messages naming the attribute path; empty when the record is fine
     */
    public static List<String> check(JsonNode record) {
        if (!record.isObject()) {
            return List.of("an OCSF record must be a JSON object");
        }
        JsonNode uid = record.get("class_uid");
        if (uid == null || !uid.canConvertToInt() || !uid.isIntegralNumber()) {
            return List.of("class_uid: must be an integer");
        }
        Optional<OcsfClass> cls = OcsfClasses.byUid(uid.intValue());
        if (cls.isEmpty()) {
            return List.of("class_uid: " + uid.intValue() + " is not an OCSF class Security Lake accepts from custom sources");
        }
        return check(record, cls.get());
    }

    /**
     * Checks a record against a class.
     *
     * @param record the record
     * @param cls the class it claims
     * @return problems as one-line messages naming the attribute path; empty when the record is fine
     */
    public static List<String> check(JsonNode record, OcsfClass cls) {
        List<String> problems = new ArrayList<>();
        for (String path : cls.requiredAttributes()) {
            if (parentPresent(record, path) && absent(at(record, path))) {
                problems.add(path + ": required by " + cls.caption() + " and missing");
            }
        }
        checkTypes(record, "", problems);
        if (problems.isEmpty()) {
            checkIdentity(record, cls, problems);
        }
        return problems.size() > MAX_PROBLEMS ? List.copyOf(problems.subList(0, MAX_PROBLEMS)) : problems;
    }

    private static void checkIdentity(JsonNode record, OcsfClass cls, List<String> problems) {
        long classUid = record.path("class_uid").asLong();
        if (classUid != cls.uid()) {
            problems.add("class_uid: " + classUid + " but the record is a " + cls.caption() + " (" + cls.uid() + ")");
        }
        long category = record.path("category_uid").asLong();
        if (category != cls.categoryUid()) {
            problems.add("category_uid: " + category + " does not match class_uid " + cls.uid()
                    + " (expected " + cls.categoryUid() + ")");
        }
        long expectedType = cls.uid() * 100L + record.path("activity_id").asLong();
        long typeUid = record.path("type_uid").asLong();
        if (typeUid != expectedType) {
            problems.add("type_uid: " + typeUid + " is not class_uid * 100 + activity_id (" + expectedType + ")");
        }
    }

    private static void checkTypes(JsonNode node, String prefix, List<String> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext() && problems.size() <= MAX_PROBLEMS) {
            Map.Entry<String, JsonNode> e = fields.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue;
            }
            Optional<Attribute> attribute = OcsfAttributes.byName(e.getKey());
            if (attribute.isEmpty()) {
                descend(value, path, problems);
                continue;
            }
            Attribute a = attribute.get();
            if (a.array()) {
                if (!value.isArray()) {
                    problems.add(path + ": must be an array of " + describe(a.type()) + ", got " + kind(value));
                    continue;
                }
                for (int i = 0; i < value.size(); i++) {
                    checkValue(value.get(i), a.type(), path + "[" + i + "]", problems);
                }
            } else {
                checkValue(value, a.type(), path, problems);
            }
        }
    }

    private static void descend(JsonNode value, String path, List<String> problems) {
        if (value.isObject()) {
            checkTypes(value, path, problems);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isObject()) {
                    checkTypes(value.get(i), path + "[" + i + "]", problems);
                }
            }
        }
    }

    private static void checkValue(JsonNode value, AttributeType type, String path, List<String> problems) {
        if (value.isNull() || type == AttributeType.JSON) {
            return;
        }
        if (!matches(value, type)) {
            problems.add(path + ": must be " + describe(type) + ", got " + kind(value)
                    + (value.isValueNode() ? " " + abbreviate(value.toString()) : ""));
        } else if (type == AttributeType.OBJECT) {
            checkTypes(value, path, problems);
        }
    }

    /**
     * @param value a JSON value
     * @param type an attribute type
     * @return whether the value can be stored as the type without conversion
     */
    public static boolean matches(JsonNode value, AttributeType type) {
        return switch (type) {
            case STRING -> value.isTextual();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToInt();
            case LONG, TIMESTAMP -> value.isIntegralNumber() && value.canConvertToLong();
            case FLOAT -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case JSON -> true;
            case OBJECT, MAP -> value.isObject();
        };
    }

    static String describe(AttributeType type) {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "a 32-bit integer";
            case LONG -> "a 64-bit integer";
            case TIMESTAMP -> "a timestamp in epoch milliseconds (integer)";
            case FLOAT -> "a number";
            case BOOLEAN -> "true or false";
            case JSON -> "any JSON";
            case OBJECT -> "an object";
            case MAP -> "an object of strings";
        };
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? "an integer" : "an integer beyond 64 bits";
        }
        if (value.isNumber()) {
            return "a decimal number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.isObject() ? "an object" : value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static boolean parentPresent(JsonNode record, String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || !absent(at(record, path.substring(0, dot)));
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static JsonNode at(JsonNode record, String dotted) {
        JsonNode node = record;
        for (String segment : dotted.split("\\.")) {
            node = node.path(segment);
        }
        return node;
    }
}
