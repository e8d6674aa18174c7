package dev.slk.core.waivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.yaml.UnreadableInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WaiverLedgerTest {
    /** 2026-12-06, 23:30 UTC: late in the day, so that a local-time bug would show as the wrong day. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T23:30:00Z"), ZoneOffset.ofHours(5));
    private static final SecretCheck NO_SECRETS = (file, text) -> List.of();
    private static final String FP = "0123456789abcdef0123456789abcdef";

    private static final Finding TOKEN = new Finding("github-token", Severity.HIGH,
            new SourceLocation("modules/okta/src/test/Fixture.java", 4, 9), "", "GitHub token: 'ghp_...' (40 characters)",
            "Rotate it", "", FP, "okta", null);
    private static final Finding TOPIC = new Finding("infra-unencrypted-topic", Severity.MEDIUM,
            new ResourceLocation(SourceLocation.ofFile("cdk.out/demo-dev.template.json"), "demo-dev", "AlarmTopicD01E",
                    "demo-dev/Core/AlarmTopic/Resource"),
            "", "SNS topic without KMS", null, "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null, null);

    private static WaiverLedger ledger(String yaml) throws Exception {
        return WaiverLedger.parse(yaml, "slk-waivers.yaml", 180, NO_SECRETS, NOW);
    }

    private static WaiverLedger.Scope everything(boolean strict) {
        return new WaiverLedger.Scope(w -> true, true, strict);
    }

    private static String entry(String rule, String selector, String expires) {
        return "  - rule: " + rule + "\n    " + selector + "\n    owner: security-team\n"
                + "    reason: fixture value, revoked at the provider\n    expires: " + expires + "\n";
    }

    @Test
    void anActiveWaiverAcceptsTheFindingWithItsOwnerReasonAndExpiry() throws Exception {
        WaiverLedger ledger = ledger("waivers:\n" + entry("github-token", "fingerprint: " + FP, "2027-03-01"));
        WaiverLedger.Judged judged = ledger.judge(List.of(TOKEN, TOPIC), everything(false));

        Finding waived = judged.findings().get(0);
        assertEquals(Status.WAIVED, waived.status(Severity.MEDIUM));
        Acceptance.Waived why = (Acceptance.Waived) waived.acceptance();
        assertEquals("security-team", why.owner());
        assertEquals("fixture value, revoked at the provider", why.reason());
        assertEquals(LocalDate.parse("2027-03-01"), why.expires());
        assertEquals("slk-waivers.yaml:2:5", why.entry().toString());
        assertEquals(Status.FAILING, judged.findings().get(1).status(Severity.MEDIUM));
        assertEquals(List.of(), judged.notices());
    }

    @Test
    void theWaiverStillAcceptsOnItsExpiryDayAndStopsTheDayAfter() throws Exception {
        // The clock says 2026-12-06 in UTC (it is already the 7th in the clock's own zone).
        WaiverLedger lastDay = ledger("waivers:\n" + entry("github-token", "fingerprint: " + FP, "2026-12-06"));
        assertEquals(Status.WAIVED, lastDay.judge(List.of(TOKEN), everything(false)).findings().get(0)
                .status(Severity.MEDIUM));

        WaiverLedger expired = ledger("waivers:\n" + entry("github-token", "fingerprint: " + FP, "2026-12-05"));
        Finding f = expired.judge(List.of(TOKEN), everything(false)).findings().get(0);
        assertEquals(Status.FAILING, f.status(Severity.MEDIUM));
        assertNull(f.acceptance());
        assertEquals("GitHub token: 'ghp_...' (40 characters) (its waiver expired on 2026-12-05: slk-waivers.yaml:2:5)",
                f.message());
        assertEquals(FP, f.fingerprint());
    }

    @Test
    void statesFollowTheClock() throws Exception {
        WaiverLedger ledger = ledger("waivers:\n" + entry("a", "fingerprint: " + FP, "2027-05-01")
                + entry("b", "fingerprint: " + FP, "2027-01-05") + entry("c", "fingerprint: " + FP, "2026-11-30"));
        List<Waiver> w = ledger.waivers();
        assertEquals(WaiverState.ACTIVE, ledger.state(w.get(0), true));
        assertEquals(WaiverState.EXPIRING, ledger.state(w.get(1), true));
        assertEquals(WaiverState.EXPIRED, ledger.state(w.get(2), true));
        assertEquals(WaiverState.ORPHANED, ledger.state(w.get(0), false));
    }

    @Test
    void patternsMatchPathResourceAndModuleWithGitignoreGlobs() throws Exception {
        WaiverLedger ledger = ledger("waivers:\n"
                + entry("github-token", "path: modules/*/src/test/**", "2027-03-01")
                + entry("infra-unencrypted-topic", "resource: demo-dev/Core/**", "2027-03-01")
                + entry("github-token", "module: okta\n    path: docs/**", "2027-03-01"));
        WaiverLedger.Judged judged = ledger.judge(List.of(TOKEN, TOPIC), everything(false));
        assertEquals(Status.WAIVED, judged.findings().get(0).status(Severity.LOW));
        assertEquals(Status.WAIVED, judged.findings().get(1).status(Severity.LOW));
        List<Waiver> w = ledger.waivers();
        assertEquals(1, judged.matches().get(w.get(0)));
        assertEquals(1, judged.matches().get(w.get(1)));
        // module okta matches, path docs/** does not: every pattern given must match.
        assertEquals(0, judged.matches().get(w.get(2)));
        assertEquals(1, judged.notices().size());
    }

    @Test
    void anOrphanedWaiverIsAWarningNoticeAndAFailingFindingWithStrict() throws Exception {
        WaiverLedger ledger = ledger("waivers:\n" + entry("github-token", "fingerprint: " + FP, "2027-03-01")
                + entry("jwt", "path: src/**", "2027-03-01"));
        WaiverLedger.Judged lenient = ledger.judge(List.of(TOKEN), everything(false));
        assertEquals(1, lenient.findings().size());
        assertEquals("slk-waivers.yaml:7:5", lenient.notices().get(0).path());
        assertEquals("warning: orphaned waiver (rule jwt, path src/**, owner security-team) matches no finding;"
                + " remove it (--strict fails on it)", lenient.notices().get(0).message());

        WaiverLedger.Judged strict = ledger.judge(List.of(TOKEN), everything(true));
        Finding orphan = strict.findings().get(1);
        assertEquals(WaiverLedger.ORPHANED_RULE, orphan.ruleId());
        assertEquals(Status.FAILING, orphan.status(Severity.HIGH));
        assertEquals("slk-waivers.yaml:7:5", orphan.location().toString());
        assertEquals(List.of(), strict.notices());
    }

    @Test
    void onlyTheCommandsOwnRulesOnACompleteRunCanBeOrphaned() throws Exception {
        WaiverLedger ledger = ledger("waivers:\n" + entry("schema.type", "path: config.yaml", "2027-03-01")
                + entry("jwt", "path: src/**", "2027-03-01"));
        WaiverLedger.Judged scan = ledger.judge(List.of(), WaiverLedger.Scope.of(Set.of("jwt"), true, true));
        assertEquals(Set.of("jwt"), scan.findings().stream().map(f -> f.message().replaceAll(".*rule (\\S+),.*", "$1"))
                .collect(Collectors.toSet()));
        WaiverLedger.Judged partial = ledger.judge(List.of(), WaiverLedger.Scope.of(Set.of("jwt"), false, true));
        assertEquals(List.of(), partial.findings());
        assertEquals(List.of(), partial.notices());
    }

    @Test
    void anInlineSuppressionKeepsItsAcceptanceAndStillUsesTheWaiver() throws Exception {
        WaiverLedger ledger = ledger("waivers:\n" + entry("github-token", "fingerprint: " + FP, "2027-03-01"));
        Finding suppressed = TOKEN.withAcceptance(new Acceptance.Suppressed("fixture"));
        WaiverLedger.Judged judged = ledger.judge(List.of(suppressed), everything(true));
        assertEquals(List.of(suppressed), judged.findings());
    }

    @Test
    void aMalformedLedgerNamesEveryProblemAtItsLine() {
        String yaml = """
                waivers:
                  - rule: github-token
                    fingerprint: 0123abc
                    owner: security-team
                    reason: too short
                    expires: 2027-02-30
                  - rule: jwt
                    path: src/**
                    owner: security-team
                    reason: a long enough reason
                    expires: 2027-03-01
                    expiry: 2027-03-01
                  - rule: jwt
                    owner: security-team
                    reason: a long enough reason
                    expires: 2027-03-01
                """;
        WaiverLedgerException e = assertThrows(WaiverLedgerException.class, () -> ledger(yaml));
        List<String> lines = e.problems().stream().map(WaiverLedgerException::line).toList();
        assertEquals(List.of(
                "slk-waivers.yaml:3:18: 'fingerprint' is '0123abc', which does not match ^[0-9a-f]{32}$",
                "slk-waivers.yaml:5:13: 'reason' must have at least 10 characters",
                "slk-waivers.yaml:6:14: 'expires' is '2027-02-30', which is not a valid date",
                "slk-waivers.yaml:12:5: unknown key 'expiry' in '/waivers/1'; did you mean 'expires'?"), lines);
        assertTrue(e.getMessage().startsWith("slk-waivers.yaml:3:18: 'fingerprint' is '0123abc'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(and 3 more)"), e.getMessage());
    }

    @Test
    void aWaiverWithoutASelectorOrWithBothIsRefusedAtItsLine() {
        WaiverLedgerException none = assertThrows(WaiverLedgerException.class,
                () -> ledger("waivers:\n" + entry("jwt", "owner2: x", "2027-03-01").replace("    owner2: x\n", "")));
        assertEquals("slk-waivers.yaml:2:5: a waiver must say which findings it accepts: a fingerprint, or a path,"
                + " resource or module pattern; copy the finding's fingerprint from a report",
                WaiverLedgerException.line(none.problems().get(0)));
        WaiverLedgerException both = assertThrows(WaiverLedgerException.class,
                () -> ledger("waivers:\n" + entry("jwt", "fingerprint: " + FP + "\n    path: a/**", "2027-03-01")));
        assertEquals("slk-waivers.yaml:3:18: a waiver names its findings by a fingerprint or by path/resource/module"
                + " patterns, not both; keep one of the two", WaiverLedgerException.line(both.problems().get(0)));
    }

    @Test
    void anExpiryBeyondTheMaximumIsRefusedAndTheMaximumIsConfigurable() throws Exception {
        String yaml = "waivers:\n" + entry("jwt", "path: src/**", "2027-06-05");
        WaiverLedgerException e = assertThrows(WaiverLedgerException.class, () -> ledger(yaml));
        assertEquals("slk-waivers.yaml:6:14: 'expires' is 2027-06-05, more than 180 days ahead (the latest allowed"
                + " today is 2027-06-04); choose an earlier day and renew the waiver then; waivers.maxDays in"
                + " slk-workspace.properties sets the limit", WaiverLedgerException.line(e.problems().get(0)));
        assertEquals(1, WaiverLedger.parse(yaml, "slk-waivers.yaml", 365, NO_SECRETS, NOW).waivers().size());
        assertEquals(1, ledger("waivers:\n" + entry("jwt", "path: src/**", "2027-06-04")).waivers().size());
    }

    @Test
    void aBlankPaddedReasonIsTooShort() {
        WaiverLedgerException e = assertThrows(WaiverLedgerException.class, () -> ledger(
                "waivers:\n" + entry("jwt", "path: src/**", "2027-03-01").replace(
                        "fixture value, revoked at the provider", "'   short    '")));
        assertEquals("slk-waivers.yaml:5:13: 'reason' must say why in at least 10 characters, not counting blanks",
                WaiverLedgerException.line(e.problems().get(0)));
    }

    @Test
    void aLineTheSecretCheckFlagsIsRefusedWithoutEchoingTheValue() {
        SecretCheck flagsLine4 = (file, text) -> List.of(new Finding("test-secret", Severity.HIGH,
                new SourceLocation(file, 4, 13), "", "Test secret: 'abcd...' (24 characters)", null));
        WaiverLedgerException e = assertThrows(WaiverLedgerException.class, () -> WaiverLedger.parse(
                "waivers:\n" + entry("jwt", "path: src/**", "2027-03-01"), "slk-waivers.yaml", 180, flagsLine4, NOW));
        assertEquals("slk-waivers.yaml:4:13: a waiver never carries a secret value, and this line holds one"
                + " (Test secret: 'abcd...' (24 characters)); name the finding by its fingerprint (every report shows"
                + " it), remove the value and rotate it", WaiverLedgerException.line(e.problems().get(0)));
    }

    @Test
    void yamlThatIsNotYamlIsUnreadableInput() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> ledger("waivers: [\n"));
        assertTrue(e.getMessage().startsWith("slk-waivers.yaml:"), e.getMessage());
    }

    @Test
    void anEmptyLedgerWaivesNothingAndOrphansNothing() throws Exception {
        WaiverLedger.Judged judged = ledger("waivers: []\n").judge(List.of(TOKEN), everything(true));
        assertEquals(List.of(TOKEN), judged.findings());
    }
}
