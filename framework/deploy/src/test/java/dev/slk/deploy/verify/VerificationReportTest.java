package dev.slk.deploy.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.ReportFormat;
import dev.slk.core.testing.ReportSchemas;
import dev.slk.deploy.verify.CheckResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationReportTest {
    private static final String TEMPLATE = ".slk/deployments/dev/assemblies/20261206T200000Z-ab12/app-dev.template.json";
    private static final Verification.Verified MIXED = new Verification.Verified("dev", "app-dev", "20261206T200000Z-ab12",
            List.of(new CheckResult(VerifyRules.STACK, "stack app-dev", Status.PASS, "UPDATE_COMPLETE",
                            SourceLocation.ofFile(TEMPLATE)),
                    new CheckResult(VerifyRules.FUNCTION, "function Transformer", Status.FAIL,
                            "app-transformer: memory 1024, synthesized 512",
                            new ResourceLocation(new SourceLocation(TEMPLATE, 40, 5), "app-dev", "Transformer",
                                    "app-dev/Core/Transformer/Resource")),
                    new CheckResult(VerifyRules.DEAD_LETTER_QUEUE, "dead-letter queue EventDlq", Status.WARN,
                            "3 message(s)", new ResourceLocation(new SourceLocation(TEMPLATE, 12, 5), "app-dev",
                                    "EventDlq", "app-dev/Core/EventDlq/Resource")),
                    new CheckResult(VerifyRules.SECRET, "secret app/external-id", Status.PASS, "exists (not read)",
                            new SourceLocation("config.yaml", 31, 15))));

    @Test
    void aFailedCheckIsAFailingFindingAtHighAndAWarningOneBelowTheThresholdAtLow() {
        CheckReport report = VerificationReport.of(MIXED, "0.1.0");
        assertFalse(report.passed());
        assertEquals(List.of("verify.function", "verify.dead-letter-queue"),
                report.findings().stream().map(Finding::ruleId).toList());
        Finding failed = report.findings().get(0);
        assertEquals(Severity.HIGH, failed.severity());
        assertEquals(Finding.Status.FAILING, report.status(failed));
        assertEquals("function Transformer: app-transformer: memory 1024, synthesized 512", failed.message());
        assertEquals(TEMPLATE + ":40:5", failed.location().toString());
        Finding warned = report.findings().get(1);
        assertEquals(Severity.LOW, warned.severity());
        assertEquals(Finding.Status.BELOW_THRESHOLD, report.status(warned));
    }

    @Test
    void jsonHoldsEveryChecksVerdictAndFigureAndFollowsTheReportSchema() {
        JsonNode json = ReportSchemas.assertValidJsonReport(
                VerificationReport.render(MIXED, ReportFormat.json, false, "0.1.0").text());
        assertEquals("slk verify", json.path("tool").asText());
        assertFalse(json.path("passed").asBoolean());
        JsonNode facts = json.path("facts");
        assertEquals("app-dev", facts.path("stack").asText());
        assertEquals(4, facts.path("checks").asInt());
        assertEquals(2, facts.path("passed").asInt());
        assertEquals(1, facts.path("failed").asInt());
        assertEquals(1, facts.path("warned").asInt());
        assertEquals("PASS", facts.path("stack app-dev").asText());
        assertEquals("UPDATE_COMPLETE", facts.path("stack app-dev.figure").asText());
        assertEquals("WARN", facts.path("dead-letter queue EventDlq").asText());
        assertEquals("3 message(s)", facts.path("dead-letter queue EventDlq.figure").asText());
        assertEquals("exists (not read)", facts.path("secret app/external-id.figure").asText());
    }

    @Test
    void sarifValidatesAgainstTheSarifSchemaWithEveryCheckKindAsARule() {
        JsonNode run = ReportSchemas.assertValidSarif(
                VerificationReport.render(MIXED, ReportFormat.sarif, false, "0.1.0").text()).at("/runs/0");
        assertEquals("slk verify", run.at("/tool/driver/name").asText());
        assertEquals(VerifyRules.all().size(), run.at("/tool/driver/rules").size());
        JsonNode results = run.path("results");
        assertEquals(2, results.size(), results.toString());
        assertEquals("verify.function", results.get(0).path("ruleId").asText());
        assertEquals("error", results.get(0).path("level").asText());
        assertEquals("Transformer", results.get(0).at("/locations/0/logicalLocations/0/name").asText());
        assertEquals("note", results.get(1).path("level").asText());
    }

    @Test
    void junitValidatesAgainstTheJUnitSchemaWithAFailureForTheFailedCheck() {
        String xml = VerificationReport.render(MIXED, ReportFormat.junit, false, "0.1.0").text();
        ReportSchemas.assertValidJUnit(xml);
        assertTrue(xml.contains("<testsuites name=\"slk verify\""), xml);
        assertTrue(xml.contains("<testsuite name=\"verify.function\" tests=\"1\" failures=\"1\""), xml);
        assertTrue(xml.contains("<failure type=\"high\" message=\"function Transformer: app-transformer: memory 1024,"
                + " synthesized 512\">"), xml);
        assertTrue(xml.contains("<testsuite name=\"verify.stack\" tests=\"1\" failures=\"0\""), xml);
    }

    @Test
    void textShowsOneLinePerCheckThenTheFindingsAndASummaryOutputRecognises() {
        String text = VerificationReport.render(MIXED, ReportFormat.text, false, "0.1.0").text();
        List<String> lines = text.lines().toList();
        assertEquals("PASS  stack app-dev               UPDATE_COMPLETE", lines.get(0));
        assertEquals("FAIL  function Transformer        app-transformer: memory 1024, synthesized 512", lines.get(1));
        assertEquals("WARN  dead-letter queue EventDlq  3 message(s)", lines.get(2));
        assertTrue(text.contains(TEMPLATE + ":40:5: error: function Transformer: app-transformer: memory 1024, "
                + "synthesized 512 [verify.function]"), text);
        String summary = lines.get(lines.size() - 1);
        assertEquals("verify: 4 checks of app-dev (record 20261206T200000Z-ab12): 2 passed, 1 failed, 1 warned; failed",
                summary);
        assertTrue(VerificationReport.summaryLine().test(summary));
    }

    @Test
    void onlyPassingAndWarningChecksPass() {
        Verification.Verified warned = new Verification.Verified("dev", "app-dev", "r1",
                List.of(MIXED.checks().get(0), MIXED.checks().get(2)));
        CheckReport report = VerificationReport.of(warned, "0.1.0");
        assertTrue(report.passed());
        assertTrue(warned.passed());
        assertEquals(1, report.findings().size());
    }
}
