package dev.slk.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.testing.ReportSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final Finding FAILING = new Finding("test-rule", Severity.HIGH,
            new SourceLocation("modules/okta/src/App.java", 12, 18), "", "Test token: 'abcd...' (40 characters)",
            "Rotate it", "'abcd...' (40 characters)", "0123456789abcdef0123456789abcdef", "okta", null);
    private static final Finding SUPPRESSED = new Finding("test-rule", Severity.HIGH, new SourceLocation("docs/x.md", 3, 1),
            "", "Test token", "Rotate it", "", "fedcba9876543210fedcba9876543210", null,
            new Acceptance.Suppressed("sample"));
    private static final Finding BASELINED = new Finding("other-rule", Severity.LOW, new SourceLocation("a.env", 1, 1),
            "", "Old", "Fix", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null, new Acceptance.Baselined("baseline.json"));
    private static final Finding RESOURCE = new Finding("AwsSolutions-SQS3", Severity.MEDIUM,
            new ResourceLocation(SourceLocation.ofFile("cdk.out/demo-dev.template.json"), "demo-dev", "QueueA1B2",
                    "/demo-dev/modules/okta/Queue/Resource"),
            "", "The queue has no dead-letter queue", null, "", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "okta", null);
    private static final Finding BELOW = new Finding("schema.type", Severity.LOW, new SourceLocation("c.yaml", 4, 3),
            "/foo", "'foo' is a string; expected a number", "write a number", "", "cccccccccccccccccccccccccccccccc",
            null, null);
    private static final List<Rule> RULES = List.of(
            new Rule("test-rule", Severity.HIGH, "Test token", "Rotate it"),
            new Rule("other-rule", Severity.LOW, "Other", "Fix"));

    private static CheckReport report(List<Finding> findings, boolean baselineUsed) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("filesScanned", 3);
        facts.put("seconds", 0.25);
        facts.put("strict", false);
        facts.put("modulesChecked", List.of("okta"));
        return new CheckReport("security-scan", "0.1.0", findings, Severity.MEDIUM, RULES,
                List.of(new Notice("big.log", "skipped: too large")), facts, "1 finding fails", baselineUsed);
    }

    private static final CheckReport ALL = report(List.of(FAILING, SUPPRESSED, BASELINED, RESOURCE, BELOW), true);

    @Test
    void jsonHasExactlyTheDocumentedShapeAndItsSchemaAcceptsIt() throws Exception {
        String json = JsonReport.render(report(List.of(FAILING, RESOURCE, BASELINED), false));
        JsonNode actual = ReportSchemas.assertValidJsonReport(json);
        JsonNode expected = new ObjectMapper().readTree("""
                {
                  "reportVersion": 1,
                  "tool": "slk security-scan",
                  "command": "security-scan",
                  "version": "0.1.0",
                  "passed": false,
                  "failOn": "medium",
                  "summary": {"findings": 3, "failing": 2, "belowThreshold": 0, "suppressed": 0, "baselined": 1, "waived": 0},
                  "facts": {"filesScanned": 3, "seconds": 0.25, "strict": false, "modulesChecked": ["okta"]},
                  "findings": [
                    {"rule": "test-rule", "severity": "high", "level": "error", "status": "failing",
                     "message": "Test token: 'abcd...' (40 characters)", "hint": "Rotate it",
                     "location": {"file": "modules/okta/src/App.java", "line": 12, "column": 18},
                     "evidence": "'abcd...' (40 characters)", "module": "okta",
                     "fingerprint": "0123456789abcdef0123456789abcdef"},
                    {"rule": "AwsSolutions-SQS3", "severity": "medium", "level": "warning", "status": "failing",
                     "message": "The queue has no dead-letter queue",
                     "location": {"file": "cdk.out/demo-dev.template.json", "line": 0, "column": 0,
                                  "stack": "demo-dev", "logicalId": "QueueA1B2",
                                  "constructPath": "/demo-dev/modules/okta/Queue/Resource"},
                     "module": "okta", "fingerprint": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"},
                    {"rule": "other-rule", "severity": "low", "level": "note", "status": "baselined",
                     "message": "Old", "hint": "Fix", "location": {"file": "a.env", "line": 1, "column": 1},
                     "fingerprint": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                     "acceptance": {"kind": "baselined", "reason": "listed in the baseline baseline.json"}}
                  ],
                  "notices": [{"path": "big.log", "message": "skipped: too large"}]
                }
                """);
        assertEquals(expected, actual);
    }

    @Test
    void sarifValidatesAgainstTheSarif210SchemaAndCarriesWhatCodeScanningReads() {
        Rendered rendered = SarifReport.render(ALL);
        assertEquals(List.of(), rendered.warnings());
        JsonNode log = ReportSchemas.assertValidSarif(rendered.text());
        JsonNode run = log.at("/runs/0");
        assertEquals("slk security-scan", run.at("/tool/driver/name").asText());
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(List.of("test-rule", "other-rule", "AwsSolutions-SQS3", "schema.type"),
                ids(rules), "catalogue rules first, then the rules of findings the catalogue lacks");
        assertEquals("8.0", rules.at("/0/properties/security-severity").asText());
        assertEquals("Rotate it", rules.at("/0/help/text").asText());
        assertTrue(rules.at("/0/help/markdown").asText().contains("docs/SECURITY_SCAN.md"));
        assertEquals("warning", rules.at("/2/defaultConfiguration/level").asText());

        JsonNode failing = run.at("/results/0");
        assertEquals("test-rule", failing.get("ruleId").asText());
        assertEquals("modules/okta/src/App.java", failing.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", failing.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(18, failing.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals("0123456789abcdef0123456789abcdef", failing.at("/partialFingerprints/slkFindingHash~1v1").asText());
        assertEquals("new", failing.get("baselineState").asText());
        assertEquals("okta", failing.at("/properties/module").asText());

        JsonNode resource = result(run, "AwsSolutions-SQS3");
        assertTrue(resource.at("/locations/0/physicalLocation/region").isMissingNode(), "no line: no region");
        assertEquals("QueueA1B2", resource.at("/locations/0/logicalLocations/0/name").asText());
        assertEquals("/demo-dev/modules/okta/Queue/Resource",
                resource.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        JsonNode suppressed = result(run, "test-rule", "docs/x.md");
        assertEquals("inSource", suppressed.at("/suppressions/0/kind").asText());
        assertEquals("sample", suppressed.at("/suppressions/0/justification").asText());
        JsonNode baselined = result(run, "other-rule");
        assertEquals("external", baselined.at("/suppressions/0/kind").asText());
        assertEquals("unchanged", baselined.get("baselineState").asText());
        assertEquals("/foo", result(run, "schema.type").at("/properties/pointer").asText());
    }

    @Test
    void sarifKeepsTheMostSeriousResultsUnderTheResultLimitAndSaysSo() {
        Rendered rendered = SarifReport.render(ALL, 2, SarifReport.MAX_GZIPPED_BYTES);
        JsonNode run = ReportSchemas.assertValidSarif(rendered.text()).at("/runs/0");
        assertEquals(2, run.get("results").size());
        assertEquals(List.of("test-rule", "AwsSolutions-SQS3"),
                List.of(run.at("/results/0/ruleId").asText(), run.at("/results/1/ruleId").asText()),
                "the failing results, the most serious first");
        assertEquals(1, rendered.warnings().size());
        assertTrue(rendered.warnings().get(0).startsWith("SARIF holds 2 of 5 results"), rendered.warnings().get(0));
        assertEquals(rendered.warnings().get(0),
                run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText());
        assertEquals("warning", run.at("/invocations/0/toolExecutionNotifications/0/level").asText());
    }

    @Test
    void sarifHalvesTheResultsUntilTheGzippedLogFitsAndSaysSo() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(new Finding("test-rule", Severity.HIGH, new SourceLocation("f" + i + ".txt", 1, 1), "",
                    "finding number " + i + " " + Integer.toHexString(i * 7919), null, "", null, null, null));
        }
        CheckReport big = report(many, false);
        long whole = SarifReport.render(big).text().length();
        Rendered cut = SarifReport.render(big, SarifReport.MAX_RESULTS, 4_000);
        int kept = ReportSchemas.assertValidSarif(cut.text()).at("/runs/0/results").size();
        assertTrue(kept > 0 && kept < 400, "kept " + kept);
        assertTrue(cut.text().length() < whole);
        assertTrue(cut.warnings().get(0).startsWith("SARIF holds " + kept + " of 400 results"), cut.warnings().get(0));
    }

    @Test
    void junitHasATestCasePerRuleAndLocationAndTheJUnitSchemaAcceptsIt() {
        String xml = JUnitReport.render(ALL);
        ReportSchemas.assertValidJUnit(xml);
        assertTrue(xml.contains("<testsuites name=\"slk security-scan\" tests=\"5\" failures=\"2\" errors=\"0\">"), xml);
        assertTrue(xml.contains("<testsuite name=\"test-rule\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\">"), xml);
        assertTrue(xml.contains("<testcase classname=\"test-rule\" name=\"modules/okta/src/App.java:12:18\">\n"
                + "      <failure type=\"high\" message=\"Test token: &apos;abcd...&apos; (40 characters)\">")
                || xml.contains("<testcase classname=\"test-rule\" name=\"modules/okta/src/App.java:12:18\">\n"
                + "      <failure type=\"high\" message=\"Test token: 'abcd...' (40 characters)\">"), xml);
        assertTrue(xml.contains("<skipped message=\"suppressed: sample\"/>"), xml);
        assertTrue(xml.contains("name=\"cdk.out/demo-dev.template.json /demo-dev/modules/okta/Queue/Resource\""), xml);
        assertTrue(xml.contains("<system-out>low is below --fail-on medium: "), xml);
    }

    @Test
    void junitEscapesMarkupAndDropsCharactersXmlCannotHold() {
        Finding odd = new Finding("test-rule", Severity.HIGH, new SourceLocation("a<b>&\"c\".txt", 1, 1), "",
                "bad \u0001 byte & <tag>", null, "", null, null, null);
        String xml = JUnitReport.render(report(List.of(odd), false));
        ReportSchemas.assertValidJUnit(xml);
        assertTrue(xml.contains("name=\"a&lt;b&gt;&amp;&quot;c&quot;.txt:1:1\""), xml);
        assertTrue(xml.contains("bad \uFFFD byte &amp; &lt;tag&gt;"), xml);
    }

    @Test
    void textIsOneCompilerStyleLinePerFindingAndColouredOnlyWhenAsked() {
        String plain = TextReport.render(ALL, false);
        assertTrue(plain.startsWith("modules/okta/src/App.java:12:18: error: Test token: 'abcd...' (40 characters)"
                + " [test-rule] [module okta]\n    Rotate it\n"), plain);
        assertTrue(plain.contains("docs/x.md:3:1: error: Test token [test-rule] [suppressed: sample]\n"), plain);
        assertTrue(plain.contains("a.env:1:1: note: Old [other-rule] [baselined]\n"), plain);
        assertTrue(plain.contains("c.yaml:4:3: note: 'foo' is a string; expected a number [schema.type]\n"
                + "    at /foo; write a number\n"), plain);
        assertTrue(plain.contains("notice: big.log: skipped: too large\n"), plain);
        assertTrue(plain.endsWith("\n1 finding fails\n"), plain);
        assertFalse(plain.contains("\u001B["), plain);
        String coloured = TextReport.render(ALL, true);
        assertTrue(coloured.contains("\u001B[1;31merror\u001B[0m"), coloured);
        assertTrue(coloured.endsWith("\u001B[1;31m1 finding fails\u001B[0m\n"), coloured);
    }

    @Test
    void aWaivedFindingShowsItsOwnerReasonExpiryAndEntryInEveryFormat() throws Exception {
        Finding waived = FAILING.withAcceptance(new Acceptance.Waived(new SourceLocation("slk-waivers.yaml", 2, 5),
                "security-team", "fixture value, revoked", java.time.LocalDate.parse("2027-03-01")));
        CheckReport run = report(List.of(waived), false);
        assertTrue(run.passed());
        assertTrue(TextReport.render(run, false).startsWith("modules/okta/src/App.java:12:18: error: Test token:"
                + " 'abcd...' (40 characters) [test-rule] [module okta] [waived until 2027-03-01 by security-team"
                + " (slk-waivers.yaml:2:5): fixture value, revoked]\n"), TextReport.render(run, false));
        JsonNode json = ReportSchemas.assertValidJsonReport(JsonReport.render(run));
        assertEquals(1, json.at("/summary/waived").asInt());
        assertEquals("waived", json.at("/findings/0/status").asText());
        assertEquals(new ObjectMapper().readTree("{\"kind\": \"waived\", \"reason\": \"fixture value, revoked\","
                + " \"owner\": \"security-team\", \"expires\": \"2027-03-01\", \"entry\": \"slk-waivers.yaml:2:5\"}"),
                json.at("/findings/0/acceptance"));
        JsonNode sarif = ReportSchemas.assertValidSarif(SarifReport.render(run).text());
        assertEquals("external", sarif.at("/runs/0/results/0/suppressions/0/kind").asText());
        assertEquals("fixture value, revoked", sarif.at("/runs/0/results/0/suppressions/0/justification").asText());
        String xml = JUnitReport.render(run);
        ReportSchemas.assertValidJUnit(xml);
        assertTrue(xml.contains("<skipped message=\"waived: fixture value, revoked\"/>"), xml);
    }

    @Test
    void everyFormatRendersAnEmptyRunAsPassing() {
        CheckReport empty = report(List.of(), false);
        for (ReportFormat format : ReportFormat.values()) {
            Rendered rendered = Reports.render(empty, format, false);
            assertTrue(rendered.warnings().isEmpty());
            switch (format) {
                case json -> assertTrue(ReportSchemas.assertValidJsonReport(rendered.text()).get("passed").asBoolean());
                case sarif -> assertEquals(0, ReportSchemas.assertValidSarif(rendered.text()).at("/runs/0/results").size());
                case junit -> {
                    ReportSchemas.assertValidJUnit(rendered.text());
                    assertTrue(rendered.text().contains("failures=\"0\""));
                }
                case text -> assertTrue(rendered.text().startsWith("notice: big.log"), rendered.text());
            }
        }
    }

    @Test
    void theSchemasRejectDocumentsThatBreakThem() {
        String sarif = SarifReport.render(ALL).text().replace("\"level\" : \"note\"", "\"level\" : \"critical\"");
        assertThrows(AssertionError.class, () -> ReportSchemas.assertValidSarif(sarif));
        String json = JsonReport.render(ALL).replace("\"status\" : \"baselined\"", "\"status\" : \"ignored\"");
        assertThrows(AssertionError.class, () -> ReportSchemas.assertValidJsonReport(json));
        String junit = JUnitReport.render(ALL).replace("<testcase classname=\"other-rule\"", "<testcase classname=\"x\" nme=\"y\"");
        assertThrows(AssertionError.class, () -> ReportSchemas.assertValidJUnit(junit));
    }

    private static List<String> ids(JsonNode rules) {
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static JsonNode result(JsonNode run, String rule, String... file) {
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals(rule) && (file.length == 0
                    || r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals(file[0]))) {
                return r;
            }
        }
        throw new AssertionError("no result of " + rule);
    }
}
