package dev.slk.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.Notice;
import dev.slk.scan.files.FileNotice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanOutcomeTest {
    private static final Finding FAILING = new Finding("github-token", Severity.HIGH,
            new SourceLocation("src/App.java", 2, 17), "", "GitHub token: 'ghp_...' (40 characters)", "Revoke it",
            "'ghp_...' (40 characters)", "0123456789abcdef0123456789abcdef", null, null);
    private static final Finding OLD = new Finding("jwt", Severity.MEDIUM, new SourceLocation("a.env", 1, 3), "",
            "JWT", "Remove it", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null, null);
    private static final Finding COMMENTED = FAILING.withAcceptance(new Acceptance.Suppressed("test fixture"));
    private static final ScanReport REPORT = new ScanReport(List.of(FAILING, OLD, COMMENTED),
            List.of(new FileNotice("big.log", "skipped: larger than 5 MiB")), 3, 2_500_000, 1, Duration.ofMillis(420));

    @Test
    void theReportCarriesTheScanFiguresTheCatalogueAndTheBaselinedFindingsAsAccepted() {
        ScanOutcome outcome = new ScanOutcome(REPORT, new Baseline(Set.of(OLD.fingerprint())), Severity.MEDIUM,
                "scan-baseline.json");
        CheckReport report = outcome.toReport("1.2.3");
        assertEquals("security-scan", report.command());
        assertEquals(Map.of("filesScanned", 3, "bytesScanned", 2_500_000L, "binarySkipped", 1, "seconds", 0.42,
                "baseline", "scan-baseline.json"), report.facts());
        assertEquals(RuleCatalogue.all(), report.rules());
        assertEquals(List.of(new Notice("big.log", "skipped: larger than 5 MiB")), report.notices());
        assertEquals(new Acceptance.Baselined("scan-baseline.json"), report.findings().get(1).acceptance());
        assertEquals(List.of(Status.FAILING, Status.BASELINED, Status.SUPPRESSED),
                report.findings().stream().map(report::status).toList());
        assertTrue(report.baselineUsed());
        assertFalse(report.passed());
        assertEquals("1 finding fails at --fail-on medium (0 below it, 1 suppressed, 1 baselined, 0 waived); 3 files, 2.5 MB"
                + " scanned in 0.42 s", report.summary());
    }

    @Test
    void aThresholdAboveEveryFindingPassesAndTheSummarySaysWhatIsBelowIt() {
        ScanOutcome outcome = new ScanOutcome(REPORT, Baseline.empty(), Severity.CRITICAL, null);
        assertTrue(outcome.passed());
        assertEquals("no findings fail at --fail-on critical (2 below it, 1 suppressed, 0 baselined, 0 waived); 3 files, 2.5 MB"
                + " scanned in 0.42 s", outcome.summary());
    }
}
