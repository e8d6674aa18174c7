package dev.slk.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
    private final SecretScanner scanner = new SecretScanner(List.of(TestRules.ZQ));

    @Test
    void reportsLineColumnAndARedactedMatch() {
        String token = TestRules.token('a');
        List<ScanFinding> found = scanner.scan("app.py", "x = 1\ntoken = '" + token + "'\n");
        assertEquals(1, found.size());
        ScanFinding f = found.get(0);
        assertEquals(2, f.line());
        assertEquals(10, f.column());
        assertEquals("'zq_a...' (19 characters)", f.redacted());
        assertFalse(f.message().contains(token) || f.toString().contains(token));
    }

    @Test
    void skipsTheDetectorWhenNoKeywordIsPresent() {
        SecretScanner counting = new SecretScanner(List.of(new dev.slk.scan.rules.SecretRule("r", ScanSeverity.LOW,
                "d", "h", List.of("needle"), text -> {
                    throw new AssertionError("detector ran on a file without its keyword");
                })));
        assertTrue(counting.scan("f", "no keyword here").isEmpty());
    }

    @Test
    void aSuppressionWithAReasonOnTheLineOrAboveAcceptsTheFinding() {
        String same = "key = '" + TestRules.token('b') + "'  # slk-scan:ignore test-zq-token test fixture, revoked\n";
        String above = "// slk-scan:ignore test-zq-token documented sample\nkey = \"" + TestRules.token('c') + "\"\n";
        assertEquals("test fixture, revoked", scanner.scan("a", same).get(0).suppression().reason());
        assertEquals("documented sample", scanner.scan("b", above).get(0).suppression().reason());
    }

    @Test
    void aSuppressionWithoutAReasonOrForAnotherRuleIsNotHonoured() {
        ScanFinding noReason = scanner.scan("a", "k = " + TestRules.token('d') + " # slk-scan:ignore test-zq-token\n").get(0);
        assertNull(noReason.suppression());
        assertTrue(noReason.message().contains("not honoured: it gives no reason"), noReason.message());
        ScanFinding otherRule = scanner.scan("a", "k = " + TestRules.token('e') + " # slk-scan:ignore other-rule ok\n").get(0);
        assertNull(otherRule.suppression());
    }

    @Test
    void aSuppressionTwoLinesAboveDoesNotCount() {
        String text = "// slk-scan:ignore test-zq-token too far\n\nk = " + TestRules.token('f') + "\n";
        assertNull(scanner.scan("a", text).get(0).suppression());
    }

    @Test
    void fingerprintsSurviveMovedLinesAndHoldNoSecret() {
        String token = TestRules.token('g');
        ScanFinding before = scanner.scan("conf.env", "A=" + token + "\n").get(0);
        ScanFinding after = scanner.scan("conf.env", "# new header\n\n\nA=" + token + "\n").get(0);
        assertEquals(before.fingerprint(), after.fingerprint());
        assertTrue(before.fingerprint().matches("[0-9a-f]{32}"));
        assertFalse(before.fingerprint().contains(token.substring(3, 11)));
        ScanFinding elsewhere = scanner.scan("other.env", "A=" + token + "\n").get(0);
        assertFalse(before.fingerprint().equals(elsewhere.fingerprint()));
    }
}
