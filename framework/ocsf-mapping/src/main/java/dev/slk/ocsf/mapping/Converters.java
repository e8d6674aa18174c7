package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixed converter set. A mapping names converters; it cannot define new ones, so a mapping file
 * never runs code.
 *
 * <table>
 * <caption>Converters</caption>
 * <tr><th>name</th><th>argument</th><th>does</th></tr>
 * <tr><td>timestamp</td><td>none, {@code epoch_seconds}, {@code epoch_millis} or a pattern</td>
 *     <td>ISO-8601 text or epoch milliseconds to epoch milliseconds</td></tr>
 * <tr><td>iso8601</td><td>none</td><td>a timestamp to ISO-8601 UTC text with milliseconds</td></tr>
 * <tr><td>enum</td><td>{@code {values: {...}, default: v, ignore_case: true}}</td><td>table lookup</td></tr>
 * <tr><td>severity_id</td><td>none</td><td>a severity label to the OCSF severity_id</td></tr>
 * <tr><td>lower, upper, trim</td><td>none</td><td>string case and blanks (element-wise on arrays)</td></tr>
 * <tr><td>truncate</td><td>length</td><td>cuts text to at most that many characters</td></tr>
 * <tr><td>replace</td><td>{@code {find: a, with: b}}</td><td>literal replacement</td></tr>
 * <tr><td>prefix, suffix</td><td>text</td><td>prepends or appends</td></tr>
 * <tr><td>after, before</td><td>text</td><td>the part after (before) the first occurrence</td></tr>
 * <tr><td>split, join</td><td>separator</td><td>text to array, array to text</td></tr>
 * <tr><td>string, integer, long, number, boolean</td><td>none</td><td>type conversion</td></tr>
 * <tr><td>json</td><td>none</td><td>any value to its JSON text</td></tr>
 * <tr><td>list</td><td>none</td><td>wraps a single value in an array</td></tr>
 * </table>
 */
public final class Converters {
    /** Converter names that take no argument. */
    static final Set<String> PLAIN = Set.of("timestamp", "iso8601", "severity_id", "lower", "upper", "trim",
            "string", "integer", "long", "number", "boolean", "json", "list");
    /** Converter names that take an argument. */
    static final Set<String> WITH_ARGUMENT = Set.of("timestamp", "enum", "truncate", "replace", "prefix", "suffix",
            "after", "before", "split", "join");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Converters() {
    }

    /** @return every converter name, sorted */
    public static Set<String> names() {
        Set<String> all = new TreeSet<>(PLAIN);
        all.addAll(WITH_ARGUMENT);
        return all;
    }

    /**
     * Builds a converter.
     *
     * @param name the converter name
     * @param argument its argument, or null for none
     * @return the converter
     * @throws IllegalArgumentException when the name is unknown or the argument does not fit
     */
    static Converter of(String name, JsonNode argument) {
        if (argument == null) {
            if (!PLAIN.contains(name)) {
                throw new IllegalArgumentException(WITH_ARGUMENT.contains(name)
                        ? "converter " + name + " needs an argument: write {" + name + ": ...}"
                        : "unknown converter " + name + "; known: " + String.join(", ", names()));
            }
            return plain(name);
        }
        return switch (name) {
            case "timestamp" -> timestamp(text(name, argument));
            case "enum" -> enumeration(argument);
            case "truncate" -> truncate(positive(name, argument));
            case "replace" -> replace(argument);
            case "prefix" -> {
                String p = text(name, argument);
                yield eachText(s -> p + s);
            }
            case "suffix" -> {
                String p = text(name, argument);
                yield eachText(s -> s + p);
            }
            case "after" -> {
                String p = text(name, argument);
                yield eachText(s -> s.contains(p) ? s.substring(s.indexOf(p) + p.length()) : s);
            }
            case "before" -> {
                String p = text(name, argument);
                yield eachText(s -> s.contains(p) ? s.substring(0, s.indexOf(p)) : s);
            }
            case "split" -> split(text(name, argument));
            case "join" -> join(text(name, argument));
            default -> throw new IllegalArgumentException(PLAIN.contains(name)
                    ? "converter " + name + " takes no argument: write it as a plain name"
                    : "unknown converter " + name + "; known: " + String.join(", ", names()));
        };
    }

    private static Converter plain(String name) {
        return switch (name) {
            case "timestamp" -> timestamp("auto");
            case "iso8601" -> v -> v == null ? null : TextNode.valueOf(ISO_MILLIS.format(Instant.ofEpochMilli(
                    timestamp("auto").apply(v).longValue())));
            case "severity_id" -> Converters::severityId;
            case "lower" -> eachText(s -> s.toLowerCase(Locale.ROOT));
            case "upper" -> eachText(s -> s.toUpperCase(Locale.ROOT));
            case "trim" -> eachText(String::strip);
            case "string" -> v -> v == null || v.isTextual() ? v
                    : v.isValueNode() ? TextNode.valueOf(v.asText()) : TextNode.valueOf(v.toString());
            case "integer" -> v -> integral(v, true);
            case "long" -> v -> integral(v, false);
            case "number" -> Converters::number;
            case "boolean" -> Converters::bool;
            case "json" -> v -> v == null ? null : TextNode.valueOf(v.toString());
            case "list" -> v -> v == null || v.isArray() ? v : NODES.arrayNode().add(v);
            default -> throw new IllegalStateException(name);
        };
    }

    private interface TextOp {
        String apply(String s);
    }

    private static Converter eachText(TextOp op) {
        return new Converter() {
            @Override
            public JsonNode apply(JsonNode v) throws ConversionException {
                if (v == null) {
                    return null;
                }
                if (v.isArray()) {
                    ArrayNode out = NODES.arrayNode();
                    for (JsonNode e : v) {
                        out.add(apply(e));
                    }
                    return out;
                }
                if (!v.isValueNode() || v.isNull()) {
                    throw new ConversionException("expected text, got " + kind(v));
                }
                return TextNode.valueOf(op.apply(v.asText()));
            }
        };
    }

    private static Converter timestamp(String mode) {
        DateTimeFormatter pattern;
        switch (mode) {
            case "auto", "epoch_millis", "epoch_seconds" -> pattern = null;
            default -> {
                try {
                    pattern = DateTimeFormatter.ofPattern(mode, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("timestamp pattern '" + mode + "' is invalid: " + e.getMessage());
                }
            }
        }
        DateTimeFormatter formatter = pattern;
        return v -> {
            if (v == null) {
                return null;
            }
            if (v.isNumber()) {
                if (mode.equals("epoch_seconds")) {
                    return NODES.numberNode(v.decimalValue().movePointRight(3).longValue());
                }
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new ConversionException(v + " is not epoch milliseconds");
                }
                return NODES.numberNode(v.longValue());
            }
            if (!v.isTextual()) {
                throw new ConversionException("expected a timestamp, got " + kind(v));
            }
            String s = v.asText().strip();
            try {
                if (formatter != null) {
                    return NODES.numberNode(fromPattern(formatter.parse(s)));
                }
                if (mode.equals("epoch_seconds")) {
                    return NODES.numberNode(new BigDecimal(s).movePointRight(3).longValue());
                }
                if (mode.equals("epoch_millis") || s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
                    return NODES.numberNode(Long.parseLong(s));
                }
                return NODES.numberNode(parseIso(s));
            } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
                throw new ConversionException("cannot read '" + abbreviate(s) + "' as a timestamp"
                        + (formatter == null ? " (ISO-8601 expected)" : " with pattern " + mode));
            }
        };
    }

    private static long fromPattern(TemporalAccessor t) {
        if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(t).toInstant().toEpochMilli();
        }
        if (t.query(java.time.temporal.TemporalQueries.zone()) != null) {
            return ZonedDateTime.from(t).toInstant().toEpochMilli();
        }
        if (t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
            return LocalDateTime.from(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return LocalDate.from(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** ISO-8601 with an offset or Z; without one the time is taken as UTC. Any fraction precision. */
    static long parseIso(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }
    }

    private static Converter enumeration(JsonNode argument) {
        if (!argument.isObject() || !argument.has("values") || !argument.get("values").isObject()) {
            throw new IllegalArgumentException("enum needs {values: {source: target, ...}}, optionally default and ignore_case");
        }
        argument.fieldNames().forEachRemaining(k -> {
            if (!List.of("values", "default", "ignore_case").contains(k)) {
                throw new IllegalArgumentException("enum has no option '" + k + "'; it takes values, default, ignore_case");
            }
        });
        if (argument.has("ignore_case") && !argument.get("ignore_case").isBoolean()) {
            throw new IllegalArgumentException("enum ignore_case must be true or false");
        }
        boolean ignoreCase = argument.path("ignore_case").asBoolean(false);
        Map<String, JsonNode> table = new HashMap<>();
        argument.get("values").properties().forEach(e -> table.put(ignoreCase ? e.getKey().toLowerCase(Locale.ROOT)
                : e.getKey(), e.getValue()));
        JsonNode fallback = argument.get("default");
        return v -> {
            if (v == null) {
                return null;
            }
            if (!v.isValueNode()) {
                throw new ConversionException("enum expects a single value, got " + kind(v));
            }
            String key = ignoreCase ? v.asText().toLowerCase(Locale.ROOT) : v.asText();
            JsonNode hit = table.get(key);
            if (hit != null) {
                return hit;
            }
            if (fallback != null) {
                return fallback;
            }
            throw new ConversionException("'" + abbreviate(v.asText()) + "' is not in the enum table and it has no default");
        };
    }

    /** OCSF severity_id: 0 Unknown, 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical, 6 Fatal, 99 Other. */
    private static JsonNode severityId(JsonNode v) throws ConversionException {
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber()) {
            int n = v.asInt();
            if ((n >= 0 && n <= 6) || n == 99) {
                return NODES.numberNode(n);
            }
            throw new ConversionException(n + " is not an OCSF severity_id (0-6 or 99)");
        }
        if (!v.isTextual()) {
            throw new ConversionException("expected a severity label, got " + kind(v));
        }
        int id = switch (v.asText().strip().toLowerCase(Locale.ROOT)) {
            case "", "unknown", "unspecified", "none" -> 0;
            case "informational", "information", "info" -> 1;
            case "low" -> 2;
            case "medium", "moderate" -> 3;
            case "high" -> 4;
            case "critical" -> 5;
            case "fatal" -> 6;
            default -> 99;
        };
        return NODES.numberNode(id);
    }

    private static Converter truncate(int max) {
        return eachText(s -> s.length() <= max ? s : s.substring(0, Character.isHighSurrogate(s.charAt(max - 1))
                ? max - 1 : max));
    }

    private static Converter replace(JsonNode argument) {
        if (!argument.isObject() || !argument.path("find").isTextual() || !argument.path("with").isTextual()
                || argument.size() != 2) {
            throw new IllegalArgumentException("replace needs {find: text, with: text}");
        }
        String find = argument.get("find").asText();
        String with = argument.get("with").asText();
        if (find.isEmpty()) {
            throw new IllegalArgumentException("replace: find must not be empty");
        }
        return eachText(s -> s.replace(find, with));
    }

    private static Converter split(String separator) {
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("split: the separator must not be empty");
        }
        return v -> {
            if (v == null || v.isArray()) {
                return v;
            }
            if (!v.isTextual()) {
                throw new ConversionException("split expects text, got " + kind(v));
            }
            ArrayNode out = NODES.arrayNode();
            for (String part : v.asText().split(java.util.regex.Pattern.quote(separator), -1)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        };
    }

    private static Converter join(String separator) {
        return v -> {
            if (v == null || !v.isArray()) {
                return v == null || v.isTextual() ? v : TextNode.valueOf(v.asText());
            }
            StringBuilder out = new StringBuilder();
            for (JsonNode e : v) {
                if (e.isNull()) {
                    continue;
                }
                if (out.length() > 0) {
                    out.append(separator);
                }
                out.append(e.isValueNode() ? e.asText() : e.toString());
            }
            return TextNode.valueOf(out.toString());
        };
    }

    private static JsonNode integral(JsonNode v, boolean int32) throws ConversionException {
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = v.isNumber() ? v.decimalValue() : v.isTextual() ? new BigDecimal(v.asText().strip()) : null;
            if (d == null) {
                throw new ConversionException("expected a number, got " + kind(v));
            }
            return int32 ? NODES.numberNode(d.intValueExact()) : NODES.numberNode(d.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConversionException("'" + abbreviate(v.asText()) + "' is not " + (int32 ? "a 32-bit" : "a 64-bit")
                    + " integer");
        }
    }

    private static JsonNode number(JsonNode v) throws ConversionException {
        if (v == null || v.isNumber()) {
            return v;
        }
        try {
            if (v.isTextual()) {
                return NODES.numberNode(Double.parseDouble(v.asText().strip()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new ConversionException("'" + abbreviate(v.asText()) + "' is not a number");
    }

    private static JsonNode bool(JsonNode v) throws ConversionException {
        if (v == null || v.isBoolean()) {
            return v;
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "1" -> NODES.booleanNode(true);
            case "false", "no", "0" -> NODES.booleanNode(false);
            default -> throw new ConversionException("'" + abbreviate(v.asText()) + "' is not a boolean");
        };
    }

    private static String text(String name, JsonNode argument) {
        if (!argument.isTextual()) {
            throw new IllegalArgumentException(name + " takes text as its argument");
        }
        return argument.asText();
    }

    private static int positive(String name, JsonNode argument) {
        if (!argument.isIntegralNumber() || argument.asInt() < 1) {
            throw new IllegalArgumentException(name + " takes a positive integer");
        }
        return argument.asInt();
    }

    static String kind(JsonNode v) {
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.isNull() ? "null" : "text";
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

}
