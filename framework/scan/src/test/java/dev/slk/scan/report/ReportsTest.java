package dev.slk.scan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.scan.Baseline;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.SourceLocation;
import dev.slk.scan.ScanOutcome;
import dev.slk.scan.ScanReport;
import dev.slk.core.findings.Severity;
import dev.slk.scan.files.FileNotice;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final Finding FAILING = new Finding("test-rule", Severity.HIGH, new SourceLocation("modules/okta/src/App.java", 12, 18), "", "Test token: 'abcd...' (40 characters)", "Rotate it", "'abcd...' (40 characters)",
            "0123456789abcdef0123456789abcdef", "okta", null);
    private static final Finding SUPPRESSED = new Finding("test-rule", Severity.HIGH, new SourceLocation("docs/x.md", 3, 1), "",
            "Test token", "Rotate it", "", "fedcba9876543210fedcba9876543210", null, new Acceptance.Suppressed("sample"));
    private static final Finding BASELINED = new Finding("other-rule", Severity.LOW, new SourceLocation("a.env", 1, 1), "",
            "Old", "Fix", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null, null);
    private static final ScanOutcome OUTCOME = new ScanOutcome(
            new ScanReport(List.of(FAILING, SUPPRESSED, BASELINED), List.of(new FileNotice("big.log", "skipped: too large")),
                    3, 1234, 1, Duration.ofMillis(250)),
            new Baseline(Set.of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")), Severity.MEDIUM, true);
    private static final List<Rule> RULES = List.of(
            new Rule("test-rule", Severity.HIGH, "Test token", "Rotate it"),
            new Rule("other-rule", Severity.LOW, "Other", "Fix"));

    @Test
    void sarifHasEveryFieldCodeScanningNeeds() throws Exception {
        JsonNode log = new ObjectMapper().readTree(SarifReport.render(OUTCOME, RULES, "0.1.0"));
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(SarifReport.SCHEMA, log.get("$schema").asText());
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.at("/tool/driver");
        assertEquals("slk security-scan", driver.get("name").asText());
        assertEquals("0.1.0", driver.get("version").asText());
        JsonNode rule = driver.get("rules").get(0);
        assertEquals("test-rule", rule.get("id").asText());
        assertEquals("Test token", rule.at("/shortDescription/text").asText());
        assertEquals("Rotate it", rule.at("/help/text").asText());
        assertEquals("error", rule.at("/defaultConfiguration/level").asText());
        assertEquals("8.0", rule.at("/properties/security-severity").asText());

        JsonNode result = run.get("results").get(0);
        assertEquals("test-rule", result.get("ruleId").asText());
        assertEquals(0, result.get("ruleIndex").asInt());
        assertEquals("error", result.get("level").asText());
        assertTrue(result.at("/message/text").asText().startsWith("Test token"));
        JsonNode location = result.at("/locations/0/physicalLocation");
        assertEquals("modules/okta/src/App.java", location.at("/artifactLocation/uri").asText());
        assertEquals(12, location.at("/region/startLine").asInt());
        assertEquals(18, location.at("/region/startColumn").asInt());
        assertEquals("0123456789abcdef0123456789abcdef", result.at("/partialFingerprints/slkFindingHash~1v1").asText());
        assertEquals("new", result.get("baselineState").asText());
        assertEquals("okta", result.at("/properties/module").asText());

        JsonNode suppressed = run.get("results").get(1);
        assertEquals("inSource", suppressed.at("/suppressions/0/kind").asText());
        assertEquals("sample", suppressed.at("/suppressions/0/justification").asText());
        assertEquals("unchanged", run.get("results").get(2).get("baselineState").asText());
        assertEquals("note", run.get("results").get(2).get("level").asText());
    }

    @Test
    void jsonCarriesStatusesAndSummary() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(OUTCOME, "0.1.0"));
        assertFalse(json.get("passed").asBoolean());
        assertEquals(1, json.at("/summary/failing").asInt());
        assertEquals(1, json.at("/summary/suppressed").asInt());
        assertEquals(1, json.at("/summary/baselined").asInt());
        assertEquals("failing", json.at("/findings/0/status").asText());
        assertTrue(json.at("/findings/1/suppressed").asBoolean());
        assertEquals("sample", json.at("/findings/1/suppressionReason").asText());
        assertTrue(json.at("/findings/2/baselined").asBoolean());
        assertEquals("big.log", json.at("/notices/0/path").asText());
    }

    @Test
    void textGroupsByFileAndEndsWithASummary() {
        String text = TextReport.render(OUTCOME);
        assertTrue(text.startsWith("modules/okta/src/App.java\n  12:18  high      test-rule  Test token"), text);
        assertTrue(text.contains("      hint: Rotate it\n"), text);
        assertTrue(text.contains("[suppressed: sample]"), text);
        assertTrue(text.contains("[baselined]"), text);
        assertTrue(text.contains("notice: big.log: skipped: too large"), text);
        assertTrue(text.endsWith("1 finding fails at --fail-on medium (0 below it, 1 suppressed, 1 baselined); "
                + "3 files, 0.0 MB scanned in 0.25 s\n"), text);
    }
}
