package dev.slk.lambda.transformer.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Field-by-field comparison of JSON trees; numbers compare by value (INT32 vs INT64 columns read back differently). */
public final class JsonAssert {
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonAssert() {
    }

    /** Fails unless both trees have the same fields with the same values. */
    public static void assertSameJson(JsonNode expected, JsonNode actual, String message) {
        assertTrue(expected.equals(BY_VALUE, actual), message + "\nexpected: " + expected + "\nactual:   " + actual);
    }
}
