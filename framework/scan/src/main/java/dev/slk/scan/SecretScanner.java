package dev.slk.scan;

import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.Secrets;
import dev.slk.core.findings.SourceLocation;
import dev.slk.scan.files.LineIndex;
import dev.slk.scan.files.ScanText;
import dev.slk.scan.files.TextDecoder;
import dev.slk.scan.rules.KeywordAutomaton;
import dev.slk.scan.rules.KeywordHits;
import dev.slk.scan.rules.SecretMatch;
import dev.slk.scan.rules.SecretRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the secret rules to the content of one file. One pass of a keyword automaton over the
 * file's bytes finds where every rule's keywords occur; a rule's detector runs only when the file
 * holds one of them, and a file holding none is not even decoded. Most files cost that one pass;
 * an ASCII file that holds keywords is read where it lies, never copied.
 */
public final class SecretScanner {
    private static final List<String> MARKER = List.of(Suppressions.MARKER);

    private final List<SecretRule> rules;
    private final KeywordAutomaton keywords;
    /** Each rule's keyword ids in {@link #keywords}, in the order of {@link #rules}. */
    private final int[][] ruleKeywords;
    private final int[] marker;
    /** A rule without keywords runs on every file, so no file can be passed over unread. */
    private final boolean ruleWithoutKeywords;

    /** What the scan of one file's content found. */
    public sealed interface Result permits Binary, Text {
    }

    /** The content is binary and was not scanned. */
    public record Binary() implements Result {
    }

    /**
     * The content is text and was scanned.
     *
     * @param findings the findings, suppressed ones included (marked), in file order
     */
    public record Text(List<Finding> findings) implements Result {

        /** Copies the list. */
        public Text {
            findings = List.copyOf(findings);
        }
    }

    /**
     * @return the scan's secret rules as the check the waiver ledger refuses secrets with, so
     *     that the ledger and the scan agree on what a secret is
     */
    public static dev.slk.core.waivers.SecretCheck secretCheck() {
        // The scan's own scanner, built at the first check: without a ledger there is none, and a
        // scan that reads the ledger before it starts does not build the catalogue twice.
        return (file, text) -> SecurityScan.Catalogue.SCANNER.scan(file, text);
    }

    /** @param rules the catalogue to apply */
    public SecretScanner(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
        // The suppression marker too, so that whether a file has a suppression comment is known
        // without another search of it.
        List<String> all = new ArrayList<>(List.of(Suppressions.MARKER));
        this.rules.forEach(r -> all.addAll(r.keywords()));
        keywords = KeywordAutomaton.of(all);
        ruleKeywords = this.rules.stream().map(r -> keywords.ids(r.keywords())).toArray(int[][]::new);
        marker = keywords.ids(MARKER);
        ruleWithoutKeywords = this.rules.stream().anyMatch(r -> r.keywords().isEmpty());
    }

    /**
     * @param relativePath the file's path relative to the scanned root, for findings
     * @param content the file's content
     * @return {@link Binary} when the content is binary (see {@link TextDecoder#isBinary}), else
     *     the findings in its text
     */
    public Result scan(String relativePath, byte[] content) {
        return scan(relativePath, content, content.length);
    }

    /**
     * @param relativePath the file's path relative to the scanned root, for findings
     * @param content holds the file's content in its first {@code length} bytes
     * @param length the content's length
     * @return {@link Binary} when the content is binary (see {@link TextDecoder#isBinary}), else
     *     the findings in its text
     */
    public Result scan(String relativePath, byte[] content, int length) {
        if (TextDecoder.isBinary(content, length)) {
            return new Binary();
        }
        int start = TextDecoder.byteTextStart(content, length);
        if (start < 0) {
            ScanText text = ScanText.of(TextDecoder.decodeText(content, length).text());
            return new Text(scan(relativePath, text, keywords.find(text)));
        }
        KeywordHits hits = keywords.find(content, start, length);
        if (hits.isEmpty() && !ruleWithoutKeywords) {
            return new Text(List.of());
        }
        if (hits.asciiBytes()) {
            // Read in place: the content is not copied into a string.
            return new Text(scan(relativePath, ScanText.ofAscii(content, start, length), hits));
        }
        TextDecoder.Decoded decoded = TextDecoder.decodeText(content, length);
        ScanText text = ScanText.of(decoded.text());
        if (decoded.byteOffset() < 0) {
            hits = keywords.find(text);
        } else if (decoded.byteOffset() != start) {
            hits = hits.shifted(start - decoded.byteOffset());
        }
        return new Text(scan(relativePath, text, hits));
    }

    /**
     * @param relativePath the file's path relative to the scanned root, for findings
     * @param text the file's text
     * @return the findings, suppressed ones included (marked), in file order
     */
    public List<Finding> scan(String relativePath, String text) {
        ScanText scanText = ScanText.of(text);
        return scan(relativePath, scanText, keywords.find(scanText));
    }

    private record Found(SecretRule rule, SecretMatch match) {
    }

    private List<Finding> scan(String relativePath, ScanText text, KeywordHits hits) {
        List<Found> found = new ArrayList<>();
        int last = 0;
        for (int r = 0; r < rules.size(); r++) {
            SecretRule rule = rules.get(r);
            if (ruleKeywords[r].length > 0 && !hits.containsAnyOf(ruleKeywords[r])) {
                continue;
            }
            for (SecretMatch match : rule.detector().find(text, hits)) {
                found.add(new Found(rule, match));
                last = Math.max(last, match.start());
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        // Lines are counted only as far as the last finding, and comments looked for only when
        // the file has one: a large file with one finding near its start costs little more.
        LineIndex lines = LineIndex.upTo(text, last);
        boolean commented = hits.containsAnyOf(marker);
        List<Finding> findings = new ArrayList<>(found.size());
        for (Found f : found) {
            findings.add(finding(f.rule(), relativePath, text, lines, f.match(), commented));
        }
        findings.sort(java.util.Comparator.comparingInt((Finding f) -> f.location().line())
                .thenComparingInt(f -> f.location().column()));
        return findings;
    }

    private static Finding finding(SecretRule rule, String path, ScanText text, LineIndex lines, SecretMatch match,
            boolean commented) {
        int line = lines.line(match.start());
        int column = lines.column(match.start());
        String redacted = Secrets.redact(match.secret());
        String message = rule.description() + ": " + redacted;
        Finding finding = new Finding(rule.id(), rule.severity(), new SourceLocation(path, line, column), "", message,
                rule.hint(), redacted, Fingerprints.of(rule.id(), path, Fingerprints.ofSecret(match.secret())), null,
                null);
        int lineStart = match.start() - (column - 1);
        Suppressions.Verdict verdict = commented ? Suppressions.verdict(text, lineStart, rule.id())
                : new Suppressions.None();
        if (verdict instanceof Suppressions.Accepted accepted) {
            return finding.withAcceptance(new Acceptance.Suppressed(accepted.reason()));
        }
        if (verdict instanceof Suppressions.MissingReason) {
            return finding.withMessage(message
                    + " (the " + Suppressions.MARKER + " comment is not honoured: it gives no reason)");
        }
        return finding;
    }
}
