package dev.slk.lambda.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.mapping.Mapping;
import dev.slk.ocsf.mapping.MappingOutcome;
import dev.slk.ocsf.schema.OcsfClasses;
import dev.slk.ocsf.schema.RecordCheck;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in Azure Defender for Cloud alert mapping, against the OCSF Detection Finding class. */
class AzureDefenderMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode sampleAlert() throws Exception {
        try (InputStream in = AzureDefenderMappingTest.class.getResourceAsStream("/events/azure-defender-alert.json")) {
            return JSON.readTree(in);
        }
    }

    private static Mapping mapping() {
        List<Mapping> builtIn = BuiltInMappings.load();
        assertEquals(1, builtIn.size());
        return builtIn.get(0);
    }

    @Test
    void itLoadsAndSetsEveryAttributeDetectionFindingRequires() {
        Mapping m = mapping();
        assertEquals("azure-defender-security-alert", m.id());
        assertEquals(2004, m.ocsfClass().uid());
        // The loader refuses a mapping that misses a required attribute; check the list explicitly too.
        for (String required : OcsfClasses.byUid(2004).orElseThrow().requiredAttributes()) {
            boolean set = List.of("class_uid", "category_uid", "type_uid", "metadata", "metadata.version",
                    "metadata.product", "finding_info").contains(required) || m.ocsfTargets().contains(required);
            assertTrue(set, required + " is not set by the mapping");
        }
        assertTrue(m.hasAsff());
    }

    @Test
    void anAlertBecomesTheExpectedDetectionFinding() throws Exception {
        JsonNode alert = sampleAlert();
        assertTrue(mapping().matches(alert));
        MappingOutcome.Produced p = assertInstanceOf(MappingOutcome.Produced.class, mapping().apply(alert));
        ObjectNode ocsf = p.ocsf();
        assertEquals(List.of(), RecordCheck.check(ocsf));
        JsonNode expected = JSON.readTree("""
                {"class_uid": 2004, "class_name": "Detection Finding", "category_uid": 2, "category_name": "Findings",
                 "metadata": {"version": "1.1.0",
                   "uid": "2517174395000000000_1f2e3d4c-aaaa-bbbb-cccc-0123456789ab",
                   "correlation_uid": "c0ffee00-1234-5678-9abc-def012345678",
                   "original_time": "2025-03-09T23:59:59.9990000Z",
                   "product": {"name": "Microsoft Defender for Cloud", "vendor_name": "Microsoft",
                               "feature": {"name": "Servers"}}},
                 "activity_id": 1, "time": 1741564799999, "severity_id": 4, "status_id": 1, "status": "Active",
                 "is_alert": true, "message": "Suspicious command line detected on vm-web-01", "confidence": "Unknown",
                 "finding_info": {"uid": "2517174395000000000_1f2e3d4c-aaaa-bbbb-cccc-0123456789ab",
                   "title": "Suspicious command line detected on vm-web-01",
                   "desc": "Analysis of process creation events found a command line commonly used by attackers.",
                   "types": ["VM_SuspiciousCommandLine"],
                   "src_url": "https://portal.azure.com/#blade/Microsoft_Azure_Security/AlertBlade/alertId/2517174395000000000",
                   "created_time": 1741564799999, "first_seen_time": 1741564692512, "last_seen_time": 1741564780000},
                 "cloud": {"provider": "Azure", "account": {"uid": "11111111-2222-3333-4444-555555555555"}},
                 "resources": [
                   {"uid": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01",
                    "type": "AzureResource"},
                   {"uid": "99999999-8888-7777-6666-555555555555", "type": "LogAnalytics"}],
                 "remediation": {"desc": "Review the process tree.\\nIsolate the machine if the activity is not expected."},
                 "unmapped": {"compromised_entity": "vm-web-01", "intent": "Execution", "is_incident": false,
                   "extended_properties": {"Process name": "c:\\\\windows\\\\system32\\\\cmd.exe", "Account": "webadmin"},
                   "entities": [{"$id": "1", "HostName": "vm-web-01", "Type": "host"}]},
                 "type_uid": 200401, "activity_name": "Create", "type_name": "Detection Finding: Create",
                 "severity": "High"}""");
        assertEquals(expected.toString(), ocsf.toString());
    }

    @Test
    void anAlertAlsoHasItsAsffForm() throws Exception {
        MappingOutcome.Produced p = assertInstanceOf(MappingOutcome.Produced.class, mapping().apply(sampleAlert()));
        JsonNode asff = p.asff().orElseThrow();
        assertEquals("azure-defender/2517174395000000000_1f2e3d4c-aaaa-bbbb-cccc-0123456789ab", asff.get("Id").asText());
        assertEquals("HIGH", asff.at("/Severity/Label").asText());
        assertEquals("2025-03-09T23:58:12.512Z", asff.get("CreatedAt").asText());
        assertEquals("2025-03-09T23:59:59.999Z", asff.get("UpdatedAt").asText());
        assertEquals("[\"Unusual Behaviors/Azure Defender/VM_SuspiciousCommandLine\"]", asff.get("Types").toString());
        assertEquals("Other", asff.at("/Resources/0/Type").asText());
        assertTrue(asff.at("/Resources/0/Id").asText().endsWith("/virtualMachines/vm-web-01"));
    }

    @Test
    void anAlertWithAnUnknownSeverityIsOtherNotAFailure() throws Exception {
        ObjectNode alert = (ObjectNode) sampleAlert();
        alert.put("Severity", "Spicy");
        MappingOutcome.Produced p = assertInstanceOf(MappingOutcome.Produced.class, mapping().apply(alert));
        assertEquals(99, p.ocsf().get("severity_id").asInt());
    }

    @Test
    void anAlertWithAnUnreadableTimeIsRefusedWithTheReason() throws Exception {
        ObjectNode alert = (ObjectNode) sampleAlert();
        alert.put("TimeGenerated", "last tuesday");
        MappingOutcome.Failed f = assertInstanceOf(MappingOutcome.Failed.class, mapping().apply(alert));
        assertTrue(f.message().startsWith("mapping azure-defender-security-alert (built-in:azure-defender-alert.yaml:"),
                f.message());
        assertTrue(f.message().endsWith("time: cannot read 'last tuesday' as a timestamp (ISO-8601 expected)"), f.message());
    }
}
