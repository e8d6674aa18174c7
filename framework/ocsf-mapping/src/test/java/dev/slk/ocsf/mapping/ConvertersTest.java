package dev.slk.ocsf.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class ConvertersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static JsonNode run(String name, String argJson, JsonNode value) throws Exception {
        return Converters.of(name, argJson == null ? null : JSON.readTree(argJson)).apply(value);
    }

    @Test
    void timestampsReadIsoTextWithAnyOffsetAndPrecision() throws Exception {
        assertEquals(1_700_000_000_123L, run("timestamp", null, F.textNode("2023-11-14T22:13:20.1234567Z")).asLong());
        assertEquals(1_700_000_000_000L, run("timestamp", null, F.textNode("2023-11-15T00:13:20+02:00")).asLong());
        assertEquals(1_700_000_000_000L, run("timestamp", null, F.textNode("2023-11-14T22:13:20")).asLong(),
                "no offset means UTC");
        assertEquals(1_700_000_000_000L, run("timestamp", null, F.numberNode(1_700_000_000_000L)).asLong());
        assertEquals(1_700_000_000_500L, run("timestamp", "\"epoch_seconds\"", F.numberNode(1_700_000_000.5)).asLong());
        assertEquals(1_700_000_000_000L, run("timestamp", "\"dd/MM/uuuu HH:mm:ss\"",
                F.textNode("14/11/2023 22:13:20")).asLong());
    }

    @Test
    void unreadableTimestampsSayWhatTheyGot() {
        ConversionException e = assertThrows(ConversionException.class,
                () -> run("timestamp", null, F.textNode("yesterday")));
        assertTrue(e.getMessage().contains("'yesterday'"), e.getMessage());
    }

    @Test
    void iso8601WritesUtcWithMilliseconds() throws Exception {
        assertEquals("2023-11-14T22:13:20.000Z", run("iso8601", null, F.textNode("2023-11-15T00:13:20+02:00")).asText());
    }

    @Test
    void enumsLookUpWithDefaultAndOptionalCaseFolding() throws Exception {
        String table = "{\"values\": {\"Low\": 2, \"High\": 4}, \"default\": 99, \"ignore_case\": true}";
        assertEquals(4, run("enum", table, F.textNode("HIGH")).asInt());
        assertEquals(99, run("enum", table, F.textNode("Weird")).asInt());
        assertThrows(ConversionException.class, () -> run("enum", "{\"values\": {\"a\": 1}}", F.textNode("b")));
    }

    @Test
    void severityLabelsBecomeOcsfSeverityIds() throws Exception {
        assertEquals(1, run("severity_id", null, F.textNode("Informational")).asInt());
        assertEquals(3, run("severity_id", null, F.textNode("moderate")).asInt());
        assertEquals(5, run("severity_id", null, F.textNode("CRITICAL")).asInt());
        assertEquals(99, run("severity_id", null, F.textNode("spicy")).asInt());
        assertThrows(ConversionException.class, () -> run("severity_id", null, F.numberNode(7)));
    }

    @Test
    void stringOperationsWorkElementWiseOnArrays() throws Exception {
        assertEquals("[\"a\",\"b\"]", run("lower", null, JSON.readTree("[\"A\",\"B\"]")).toString());
        assertEquals("abc", run("truncate", "3", F.textNode("abcdef")).asText());
        assertEquals("a-b", run("replace", "{\"find\": \"_\", \"with\": \"-\"}", F.textNode("a_b")).asText());
        assertEquals("vm1", run("after", "\"/\"", F.textNode("vms/vm1")).asText());
        assertEquals("[\"x\",\"y\"]", run("split", "\",\"", F.textNode("x, y,")).toString());
        assertEquals("x;y", run("join", "\";\"", JSON.readTree("[\"x\",\"y\"]")).asText());
        assertEquals("pre-x", run("prefix", "\"pre-\"", F.textNode("x")).asText());
    }

    @Test
    void typeConversionsRefuseWhatDoesNotFit() throws Exception {
        assertEquals(42, run("integer", null, F.textNode("42")).intValue());
        assertThrows(ConversionException.class, () -> run("integer", null, F.textNode("4.5")));
        assertThrows(ConversionException.class, () -> run("integer", null, F.numberNode(1L << 40)));
        assertEquals(true, run("boolean", null, F.textNode("yes")).booleanValue());
        assertEquals("{\"a\":1}", run("json", null, JSON.readTree("{\"a\":1}")).asText());
        assertEquals("[5]", run("list", null, F.numberNode(5)).toString());
    }

    @Test
    void nullPassesThroughSoThatDefaultsApply() throws Exception {
        for (String name : Converters.PLAIN) {
            assertNull(Converters.of(name, null).apply(null), name);
        }
    }

    @Test
    void unknownConvertersAndBadArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Converters.of("eval", null));
        assertThrows(IllegalArgumentException.class, () -> Converters.of("truncate", null));
        assertThrows(IllegalArgumentException.class, () -> Converters.of("truncate", F.numberNode(0)));
        assertThrows(IllegalArgumentException.class, () -> Converters.of("lower", F.textNode("x")));
    }
}
