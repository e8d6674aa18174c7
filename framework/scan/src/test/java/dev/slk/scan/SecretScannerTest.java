package dev.slk.scan;

import dev.slk.core.findings.Severity;
import dev.slk.core.findings.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.scan.files.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
    private final SecretScanner scanner = new SecretScanner(List.of(TestRules.ZQ));

    @Test
    void reportsLineColumnAndARedactedMatch() {
        String token = TestRules.token('a');
        List<Finding> found = scanner.scan("app.py", "x = 1\ntoken = '" + token + "'\n");
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(2, f.location().line());
        assertEquals(10, f.location().column());
        assertEquals("'zq_a...' (19 characters)", f.evidence());
        assertFalse(f.message().contains(token) || f.toString().contains(token));
    }

    /**
     * Scanning bytes finds what decoding them and scanning the text finds, at the same lines and
     * columns, whatever the encoding: the keyword search runs on the bytes, and its offsets must
     * still be the text's.
     */
    @Test
    void bytesAreScannedLikeTheirTextInEveryEncoding() {
        // Built at run time, so that this source holds no secret: a password and an access key id,
        // found through the keyword search's offsets (the assignment rule's lines, the key id's prefix).
        String password = "Tr0ub4" + "dor&3x9Qz";
        String keyId = "AK" + "IA" + "Q3EGRT7VNB2ZP5WX";
        String text = "x = 1\n# p\u00e4ssword f\u00fcr \u2713\ntoken = '" + TestRules.token('h') + "'\n"
                + "k: " + TestRules.token('i') + "\n\u00e9 db_password: \"" + password + "\" \u00e9\nid=" + keyId + "\n";
        SecretScanner catalogue = new SecretScanner(dev.slk.scan.rules.SecretRules.catalogue());
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] ascii = text.replace("\u2713", "").replace("\u00e4", "a").replace("\u00fc", "u").replace("\u00e9", "e")
                .getBytes(StandardCharsets.US_ASCII);
        List<byte[]> encodings = List.of(
                ascii,
                concat(bom, ascii),
                utf8,
                concat(bom, utf8),
                text.replace("\u2713", "").getBytes(StandardCharsets.ISO_8859_1), // not UTF-8: read as ISO-8859-1
                concat(bom, text.replace("\u2713", "").getBytes(StandardCharsets.ISO_8859_1)),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)));
        for (byte[] bytes : encodings) {
            for (SecretScanner s : List.of(scanner, catalogue)) {
                List<Finding> expected = s.scan("f", TextDecoder.decode(bytes).orElseThrow());
                assertEquals(2, expected.size(), expected.toString());
                assertEquals(expected, ((SecretScanner.Text) s.scan("f", bytes)).findings());
                byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 7); // a reused buffer's stale tail
                assertEquals(expected, ((SecretScanner.Text) s.scan("f", padded, bytes.length)).findings());
            }
        }
        assertTrue(scanner.scan("f", ("\0" + text).getBytes(StandardCharsets.UTF_8)) instanceof SecretScanner.Binary);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void skipsTheDetectorWhenNoKeywordIsPresent() {
        SecretScanner counting = new SecretScanner(List.of(new dev.slk.scan.rules.SecretRule("r", Severity.LOW,
                "d", "h", List.of("needle"), text -> {
                    throw new AssertionError("detector ran on a file without its keyword");
                })));
        assertTrue(counting.scan("f", "no keyword here").isEmpty());
    }

    @Test
    void aSuppressionWithAReasonOnTheLineOrAboveAcceptsTheFinding() {
        String same = "key = '" + TestRules.token('b') + "'  # slk-scan:ignore test-zq-token test fixture, revoked\n";
        String above = "// slk-scan:ignore test-zq-token documented sample\nkey = \"" + TestRules.token('c') + "\"\n";
        assertEquals("test fixture, revoked", scanner.scan("a", same).get(0).acceptance().reason());
        assertEquals("documented sample", scanner.scan("b", above).get(0).acceptance().reason());
    }

    @Test
    void aSuppressionWithoutAReasonOrForAnotherRuleIsNotHonoured() {
        Finding noReason = scanner.scan("a", "k = " + TestRules.token('d') + " # slk-scan:ignore test-zq-token\n").get(0);
        assertNull(noReason.acceptance());
        assertTrue(noReason.message().contains("not honoured: it gives no reason"), noReason.message());
        Finding otherRule = scanner.scan("a", "k = " + TestRules.token('e') + " # slk-scan:ignore other-rule ok\n").get(0);
        assertNull(otherRule.acceptance());
    }

    @Test
    void aSuppressionTwoLinesAboveDoesNotCount() {
        String text = "// slk-scan:ignore test-zq-token too far\n\nk = " + TestRules.token('f') + "\n";
        assertNull(scanner.scan("a", text).get(0).acceptance());
    }

    @Test
    void fingerprintsSurviveMovedLinesAndHoldNoSecret() {
        String token = TestRules.token('g');
        Finding before = scanner.scan("conf.env", "A=" + token + "\n").get(0);
        Finding after = scanner.scan("conf.env", "# new header\n\n\nA=" + token + "\n").get(0);
        assertEquals(before.fingerprint(), after.fingerprint());
        assertTrue(before.fingerprint().matches("[0-9a-f]{32}"));
        assertFalse(before.fingerprint().contains(token.substring(3, 11)));
        Finding elsewhere = scanner.scan("other.env", "A=" + token + "\n").get(0);
        assertFalse(before.fingerprint().equals(elsewhere.fingerprint()));
    }
}
