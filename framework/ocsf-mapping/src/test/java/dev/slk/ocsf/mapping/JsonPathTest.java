package dev.slk.ocsf.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode event() throws Exception {
        return JSON.readTree("""
                {"a": {"b": 1, "odd key": "x", "list": [{"id": "p"}, {"id": "q"}, {"other": 1}]},
                 "tags": ["t1", "t2"]}""");
    }

    @Test
    void dottedAndBracketedNamesSelectOneValue() throws Exception {
        assertEquals(1, JsonPath.compile("$.a.b").read(event(), null).asInt());
        assertEquals("x", JsonPath.compile("$.a['odd key']").read(event(), null).asText());
        assertEquals("q", JsonPath.compile("$.a.list[1].id").read(event(), null).asText());
        assertEquals("t2", JsonPath.compile("$.tags[-1]").read(event(), null).asText());
    }

    @Test
    void missingBranchesSelectNothing() throws Exception {
        assertNull(JsonPath.compile("$.a.nope.deeper").read(event(), null));
        assertNull(JsonPath.compile("$.tags[7]").read(event(), null));
        assertNull(JsonPath.compile("$.a.b.c").read(event(), null));
    }

    @Test
    void wildcardsCollectEveryMatchAndSkipGaps() throws Exception {
        JsonNode ids = JsonPath.compile("$.a.list[*].id").read(event(), null);
        assertEquals("[\"p\",\"q\"]", ids.toString());
        assertTrue(JsonPath.compile("$.a.list[*].id").multi());
    }

    @Test
    void atPathsReadTheCurrentElement() throws Exception {
        JsonNode element = JSON.readTree("{\"id\": \"e\"}");
        assertEquals("e", JsonPath.compile("@.id").read(event(), element).asText());
    }

    @Test
    void malformedPathsAreRefusedWithThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("$.a[x"));
        assertTrue(e.getMessage().contains("position 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("a.b"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("$.a..b"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.compile("$.a[?(@.x)]"));
    }
}
