package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** A test on the source event deciding whether a mapping applies. */
public sealed interface Condition {
    /**
     * @param event the source event
     * @return whether the condition holds
     */
    boolean test(JsonNode event);

    /** The path selects a non-null value (or, with {@code expected} false, selects nothing). */
    record Exists(JsonPath path, boolean expected) implements Condition {
        @Override
        public boolean test(JsonNode event) {
            JsonNode v = path.read(event, event);
            boolean exists = v != null && !v.isNull() && !(path.multi() && v.isEmpty());
            return exists == expected;
        }
    }

    /** The selected value equals a constant (numbers compare by value, text exactly). */
    record Equals(JsonPath path, JsonNode value) implements Condition {
        @Override
        public boolean test(JsonNode event) {
            return sameValue(path.read(event, event), value);
        }
    }

    /** The selected value is one of the constants. */
    record In(JsonPath path, List<JsonNode> values) implements Condition {
        @Override
        public boolean test(JsonNode event) {
            JsonNode v = path.read(event, event);
            return values.stream().anyMatch(c -> sameValue(v, c));
        }
    }

    /** The selected text contains a substring (ignoring case), or the selected array has an element equal to it. */
    record Contains(JsonPath path, String text) implements Condition {
        @Override
        public boolean test(JsonNode event) {
            JsonNode v = path.read(event, event);
            if (v == null) {
                return false;
            }
            if (v.isArray()) {
                for (JsonNode e : v) {
                    if (e.isTextual() && e.asText().equalsIgnoreCase(text)) {
                        return true;
                    }
                }
                return false;
            }
            return v.isTextual() && v.asText().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
        }
    }

    /** The selected text starts with a prefix (case-sensitive). */
    record StartsWith(JsonPath path, String prefix) implements Condition {
        @Override
        public boolean test(JsonNode event) {
            JsonNode v = path.read(event, event);
            return v != null && v.isTextual() && v.asText().startsWith(prefix);
        }
    }

    /** Every condition holds. */
    record All(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(JsonNode event) {
            return conditions.stream().allMatch(c -> c.test(event));
        }
    }

    /** At least one condition holds. */
    record Any(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(JsonNode event) {
            return conditions.stream().anyMatch(c -> c.test(event));
        }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(JsonNode event) {
            return !condition.test(event);
        }
    }

    private static boolean sameValue(JsonNode actual, JsonNode expected) {
        if (actual == null) {
            return expected.isNull();
        }
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }
}
