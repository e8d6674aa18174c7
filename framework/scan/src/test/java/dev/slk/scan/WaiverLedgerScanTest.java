package dev.slk.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.report.CheckReport;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.waivers.WaiverLedgerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waiver ledger with the scan's own secret rules and in the scan's outcome. */
class WaiverLedgerScanTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    /** A GitHub-shaped token built at run time, so this source holds none. */
    private static String githubToken() {
        return "gh" + "p_" + "k".repeat(20) + "0123456789AbCdEf";
    }

    private static String ledger(String extraLine) {
        return "waivers:\n  - rule: github-token\n    path: src/test/**\n    owner: security-team\n"
                + "    reason: fixture token, revoked at GitHub\n    expires: 2027-01-31\n" + extraLine;
    }

    @Test
    void aLedgerThatCarriesASecretValueIsRefusedByTheScansRulesWithoutEchoingIt() {
        String token = githubToken();
        WaiverLedgerException e = assertThrows(WaiverLedgerException.class, () -> WaiverLedger.parse(
                ledger("  - rule: github-token\n    path: \"" + token + "\"\n    owner: me\n"
                        + "    reason: the token itself, to be precise\n    expires: 2027-01-31\n"),
                "slk-waivers.yaml", 180, SecretScanner.secretCheck(), NOW));
        String line = WaiverLedgerException.line(e.problems().get(0));
        assertTrue(line.startsWith("slk-waivers.yaml:8:12: a waiver never carries a secret value, and this line holds"
                + " one (GitHub token: 'ghp_...' (40 characters))"), line);
        assertFalse(e.getMessage().contains(token.substring(0, 6)), e.getMessage());
        assertFalse(line.contains(token.substring(0, 6)), line);
    }

    @Test
    void aLedgerWithoutSecretsPassesTheScansRules() throws Exception {
        assertEquals(1, WaiverLedger.parse(ledger(""), "slk-waivers.yaml", 180, SecretScanner.secretCheck(), NOW)
                .waivers().size());
    }

    @Test
    void theOutcomeCountsWaivedFindingsAndReportsOrphansOfTheScansOwnRules() throws Exception {
        WaiverLedger ledger = WaiverLedger.parse(ledger("""
                  - rule: jwt
                    path: docs/**
                    owner: security-team
                    reason: sample tokens in the documentation
                    expires: 2027-01-31
                  - rule: schema.type
                    path: config.yaml
                    owner: platform-team
                    reason: validate-config answers for this one
                    expires: 2027-01-31
                """), "slk-waivers.yaml", 180, SecretScanner.secretCheck(), NOW);
        Finding fixture = new Finding("github-token", Severity.HIGH, new SourceLocation("src/test/Fixture.java", 3, 9),
                "", "GitHub token: 'ghp_...' (40 characters)", "Revoke it", "", null, null, null);
        ScanReport report = new ScanReport(List.of(fixture), List.of(), 1, 100, 0, Duration.ofMillis(10));
        CheckReport checked = new ScanOutcome(report, Baseline.empty(), Severity.MEDIUM, null, ledger,
                ScanOutcome.scope(true, true, false)).toReport("1.0");
        assertEquals(Status.WAIVED, checked.status(checked.findings().get(0)));
        assertTrue(checked.passed());
        assertEquals("slk-waivers.yaml", checked.facts().get("waivers"));
        assertEquals("no findings fail at --fail-on medium (0 below it, 0 suppressed, 0 baselined, 1 waived); 1 file,"
                + " 0.0 MB scanned in 0.01 s", checked.summary());
        assertEquals(1, checked.notices().size(), "the jwt waiver is orphaned; schema.type is not the scan's rule");
        assertEquals("slk-waivers.yaml:7:5", checked.notices().get(0).path());

        CheckReport strict = new ScanOutcome(report, Baseline.empty(), Severity.MEDIUM, null, ledger,
                ScanOutcome.scope(true, true, true)).toReport("1.0");
        assertFalse(strict.passed());
        assertEquals(WaiverLedger.ORPHANED_RULE, strict.findings().get(1).ruleId());
        CheckReport oneModule = new ScanOutcome(report, Baseline.empty(), Severity.MEDIUM, null, ledger,
                ScanOutcome.scope(true, false, true)).toReport("1.0");
        assertTrue(oneModule.passed(), "a partial scan orphans nothing");
    }
}
