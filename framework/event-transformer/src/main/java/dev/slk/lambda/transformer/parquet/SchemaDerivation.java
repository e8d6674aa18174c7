package dev.slk.lambda.transformer.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.ocsf.schema.Attribute;
import dev.slk.ocsf.schema.OcsfAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Derives the Parquet schema of one file from the OCSF records that go in it.
 *
 * <p>The schema is the union of the attributes present in the records, fields sorted by name at
 * every level. An attribute OCSF defines has the type of its definition wherever it appears
 * ({@link OcsfAttributes}), so a column keeps one type across files and Security Lake's crawler
 * sees one table schema. An attribute OCSF does not define is typed from its values in the file:
 * integers as INT64, any mix of integers and decimals as DOUBLE, other mixes as JSON text.
 * {@code unmapped} is a string map, json_t values are JSON text. An object that has no fields in
 * any record, or an unknown array that is empty in every record, has no column.
 */
final class SchemaDerivation {
    private SchemaDerivation() {
    }

    /**
     * @param records the records of one file
     * @return the root group
     */
    static Shape.Group derive(List<? extends JsonNode> records) {
        Map<String, Shape> fields = new TreeMap<>();
        for (JsonNode record : records) {
            mergeFields(fields, record);
        }
        return new Shape.Group(prune(fields));
    }

    private static void mergeFields(Map<String, Shape> fields, JsonNode object) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                fields.putIfAbsent(e.getKey(), null);
                continue;
            }
            fields.put(e.getKey(), merge(fields.get(e.getKey()), shapeOf(e.getKey(), value)));
        }
    }

    /** The shape of one value; null when the value says nothing (an empty unknown array). */
    private static Shape shapeOf(String name, JsonNode value) {
        Optional<Attribute> known = OcsfAttributes.byName(name);
        if (known.isPresent()) {
            Shape element = switch (known.get().type()) {
                case STRING, JSON -> Shape.Primitive.STRING;
                case INTEGER -> Shape.Primitive.INT32;
                case LONG, TIMESTAMP -> Shape.Primitive.INT64;
                case FLOAT -> Shape.Primitive.DOUBLE;
                case BOOLEAN -> Shape.Primitive.BOOLEAN;
                case MAP -> new Shape.StringMap();
                case OBJECT -> null;
            };
            if (element == null) {
                element = known.get().array() ? elementShape(value) : inferred(value);
            }
            return known.get().array() ? new Shape.ListOf(element == null ? new Shape.Group(new TreeMap<>()) : element)
                    : element;
        }
        return inferred(value);
    }

    /** The shape of a value of an attribute OCSF does not define (or an object's content). */
    private static Shape inferred(JsonNode value) {
        if (value.isTextual()) {
            return Shape.Primitive.STRING;
        }
        if (value.isBoolean()) {
            return Shape.Primitive.BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? Shape.Primitive.INT64 : Shape.Primitive.STRING;
        }
        if (value.isNumber()) {
            return Shape.Primitive.DOUBLE;
        }
        if (value.isObject()) {
            Map<String, Shape> fields = new TreeMap<>();
            mergeFields(fields, value);
            return new Shape.Group(fields);
        }
        if (value.isArray()) {
            Shape element = elementShape(value);
            return element == null ? null : new Shape.ListOf(element);
        }
        return null;
    }

    private static Shape elementShape(JsonNode array) {
        Shape element = null;
        for (JsonNode e : array) {
            if (!e.isNull()) {
                element = merge(element, inferred(e));
            }
        }
        return element;
    }

    static Shape merge(Shape a, Shape b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        if (a instanceof Shape.Group ga && b instanceof Shape.Group gb) {
            Map<String, Shape> fields = new TreeMap<>(ga.fields());
            gb.fields().forEach((k, v) -> fields.put(k, merge(fields.get(k), v)));
            return new Shape.Group(fields);
        }
        if (a instanceof Shape.ListOf la && b instanceof Shape.ListOf lb) {
            return new Shape.ListOf(merge(la.element(), lb.element()));
        }
        if (isNumber(a) && isNumber(b)) {
            return a == Shape.Primitive.INT32 && b == Shape.Primitive.INT32 ? a
                    : a == Shape.Primitive.DOUBLE || b == Shape.Primitive.DOUBLE ? Shape.Primitive.DOUBLE
                    : Shape.Primitive.INT64;
        }
        return Shape.Primitive.STRING;
    }

    private static boolean isNumber(Shape s) {
        return s == Shape.Primitive.INT32 || s == Shape.Primitive.INT64 || s == Shape.Primitive.DOUBLE;
    }

    /** Drops fields that can hold nothing: only nulls, groups without fields, lists of nothing. */
    private static Map<String, Shape> prune(Map<String, Shape> fields) {
        Map<String, Shape> out = new TreeMap<>();
        fields.forEach((k, v) -> {
            Shape p = prune(v);
            if (p != null) {
                out.put(k, p);
            }
        });
        return out;
    }

    private static Shape prune(Shape s) {
        if (s instanceof Shape.Group g) {
            Map<String, Shape> f = prune(g.fields());
            return f.isEmpty() ? null : new Shape.Group(f);
        }
        if (s instanceof Shape.ListOf l) {
            Shape e = prune(l.element());
            return e == null ? null : new Shape.ListOf(e);
        }
        return s;
    }
}
