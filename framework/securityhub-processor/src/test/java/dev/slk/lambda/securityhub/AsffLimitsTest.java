package dev.slk.lambda.securityhub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsffLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFindingWithinTheLimitsIsLeftAlone() throws Exception {
        ObjectNode f = (ObjectNode) JSON.readTree(SecurityHubProcessorHandlerTest.finding("x"));
        ObjectNode before = f.deepCopy();
        assertEquals(List.of(), AsffLimits.truncate(f));
        assertEquals(before, f);
    }

    @Test
    void arraysMapsAndNestedTextAreCut() throws Exception {
        ObjectNode f = (ObjectNode) JSON.readTree(SecurityHubProcessorHandlerTest.finding("x"));
        f.putObject("Remediation").putObject("Recommendation").put("Text", "r".repeat(600));
        var types = f.putArray("Types");
        for (int i = 0; i < 55; i++) {
            types.add("T/" + i);
        }
        var fields = f.putObject("ProductFields");
        for (int i = 0; i < 52; i++) {
            fields.put("k" + i, i == 0 ? "v".repeat(3000) : "v");
        }
        List<String> cut = AsffLimits.truncate(f);
        assertEquals(512, f.at("/Remediation/Recommendation/Text").asText().length());
        assertEquals(50, f.get("Types").size());
        assertEquals(50, f.get("ProductFields").size());
        assertEquals(2048, f.at("/ProductFields/k0").asText().length());
        assertEquals(4, cut.size(), cut.toString());
    }

    @Test
    void identifiersAreNeverCut() throws Exception {
        ObjectNode f = (ObjectNode) JSON.readTree(SecurityHubProcessorHandlerTest.finding("i".repeat(600)));
        AsffLimits.truncate(f);
        assertEquals(600, f.get("Id").asText().length());
    }
}
