package dev.slk.ocsf.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"class_uid": 2004, "category_uid": 2, "type_uid": 200401, "activity_id": 1, "severity_id": 3,
                 "time": 1700000000000, "metadata": {"version": "1.1.0", "product": {"vendor_name": "V"}},
                 "finding_info": {"uid": "u", "title": "t"}, "custom": {"count": 3}}""");
    }

    @Test
    void aValidRecordHasNoProblems() throws Exception {
        assertEquals(List.of(), RecordCheck.check(valid()));
    }

    @Test
    void missingRequiredAttributesAreNamed() throws Exception {
        ObjectNode r = valid();
        r.remove("time");
        ((ObjectNode) r.get("metadata")).remove("product");
        assertEquals(List.of("metadata.product: required by Detection Finding and missing",
                "time: required by Detection Finding and missing"), RecordCheck.check(r));
    }

    @Test
    void wrongTypesAreNamedWithTheValue() throws Exception {
        ObjectNode r = valid();
        r.put("time", "2024-01-01");
        ((ObjectNode) r.get("custom")).put("count", 1.5);
        assertEquals(List.of("time: must be a timestamp in epoch milliseconds (integer), got a string \"2024-01-01\"",
                "custom.count: must be a 32-bit integer, got a decimal number 1.5"), RecordCheck.check(r));
    }

    @Test
    void inconsistentIdentifiersAreRefused() throws Exception {
        ObjectNode r = valid();
        r.put("type_uid", 200402);
        assertEquals(List.of("type_uid: 200402 is not class_uid * 100 + activity_id (200401)"), RecordCheck.check(r));
    }

    @Test
    void classesSecurityLakeDoesNotAcceptAreRefused() throws Exception {
        JsonNode r = JSON.readTree("{\"class_uid\": 9999}");
        assertEquals(List.of("class_uid: 9999 is not an OCSF class Security Lake accepts from custom sources"),
                RecordCheck.check(r));
    }

    @Test
    void theClassTableAgreesWithSecurityLakesNames() {
        assertEquals(49, OcsfClasses.all().size());
        assertEquals(2004, OcsfClasses.byName("DETECTION_FINDING").orElseThrow().uid());
        assertEquals("Findings", OcsfClasses.byUid(2004).orElseThrow().categoryName());
    }
}
