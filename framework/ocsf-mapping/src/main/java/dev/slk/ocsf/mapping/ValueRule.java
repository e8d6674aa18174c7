package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * How one target attribute gets its value: a source, then converters in order, then a default when
 * the result is null.
 *
 * @param source where the value comes from
 * @param converters applied in order
 * @param fallback used when the converted value is null; null for none
 * @param location where the rule is written
 */
record ValueRule(Source source, List<Converter> converters, JsonNode fallback, Location location) {

    ValueRule {
        converters = List.copyOf(converters);
    }

    /** Where a value comes from. */
    sealed interface Source permits Const, Read, First, Template, Each {
    }

    /** A constant. */
    record Const(JsonNode value) implements Source {
    }

    /** The value at a path. */
    record Read(JsonPath path) implements Source {
    }

    /** The first non-null value among paths. */
    record First(List<JsonPath> paths) implements Source {
    }

    /**
     * Text with {@code ${path}} holes; a hole whose path selects nothing becomes empty.
     *
     * @param parts literal text (String) and paths (JsonPath), in order
     */
    record Template(List<Object> parts) implements Source {
    }

    /** One object per element the path selects, built by nested rules relative to the element ({@code @}). */
    record Each(JsonPath path, List<FieldRule> fields) implements Source {
    }

    JsonNode evaluate(JsonNode root, JsonNode current) throws RuleException {
        JsonNode value = read(root, current);
        if (value != null && value.isNull()) {
            value = null;
        }
        for (Converter c : converters) {
            try {
                value = c.apply(value);
            } catch (ConversionException e) {
                throw new RuleException(location, e.getMessage());
            }
        }
        return value == null ? fallback : value;
    }

    private JsonNode read(JsonNode root, JsonNode current) throws RuleException {
        if (source instanceof Const c) {
            return c.value().deepCopy();
        }
        if (source instanceof Read r) {
            return r.path().read(root, current);
        }
        if (source instanceof First f) {
            for (JsonPath p : f.paths()) {
                JsonNode v = p.read(root, current);
                if (v != null && !v.isNull() && !(p.multi() && v.isEmpty())) {
                    return v;
                }
            }
            return null;
        }
        if (source instanceof Template t) {
            StringBuilder out = new StringBuilder();
            for (Object part : t.parts()) {
                if (part instanceof JsonPath p) {
                    JsonNode v = p.read(root, current);
                    if (v != null && !v.isNull()) {
                        out.append(v.isValueNode() ? v.asText() : v.toString());
                    }
                } else {
                    out.append(part);
                }
            }
            return TextNode.valueOf(out.toString());
        }
        Each each = (Each) source;
        JsonNode items = each.path().read(root, current);
        if (items == null) {
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : items.isArray() ? items : List.of(items)) {
            ObjectNode element = JsonNodeFactory.instance.objectNode();
            for (FieldRule f : each.fields()) {
                f.applyTo(element, root, item);
            }
            if (!element.isEmpty()) {
                out.add(element);
            }
        }
        return out;
    }

    /** A rule failed on an event; carries the rule's location. */
    static final class RuleException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Location location;

        RuleException(Location location, String message) {
            super(message);
            this.location = location;
        }

        Location location() {
            return location;
        }
    }
}
