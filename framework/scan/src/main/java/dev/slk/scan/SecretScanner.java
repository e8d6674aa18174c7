package dev.slk.scan;

import dev.slk.core.findings.Secrets;
import dev.slk.scan.files.LineIndex;
import dev.slk.scan.rules.SecretMatch;
import dev.slk.scan.rules.SecretRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies the secret rules to the text of one file. A rule's detector runs only when the file
 * contains one of the rule's keywords, so most files cost one lower-casing and a few substring
 * searches.
 */
public final class SecretScanner {
    private final List<SecretRule> rules;

    /** @param rules the catalogue to apply */
    public SecretScanner(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param relativePath the file's path relative to the scanned root, for findings
     * @param text the file's text
     * @return the findings, suppressed ones included (marked), in file order
     */
    public List<ScanFinding> scan(String relativePath, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<ScanFinding> findings = new ArrayList<>();
        LineIndex lines = null;
        for (SecretRule rule : rules) {
            if (!mentionsAnyKeyword(lower, rule)) {
                continue;
            }
            for (SecretMatch match : rule.detector().find(text, lower)) {
                if (lines == null) {
                    lines = new LineIndex(text);
                }
                findings.add(finding(rule, relativePath, text, lines, match));
            }
        }
        findings.sort(java.util.Comparator.comparingInt(ScanFinding::line).thenComparingInt(ScanFinding::column));
        return findings;
    }

    private static boolean mentionsAnyKeyword(String lower, SecretRule rule) {
        for (String keyword : rule.keywords()) {
            if (lower.contains(keyword)) {
                return true;
            }
        }
        return rule.keywords().isEmpty();
    }

    private static ScanFinding finding(SecretRule rule, String path, String text, LineIndex lines, SecretMatch match) {
        int line = lines.line(match.start());
        int column = lines.column(match.start());
        String redacted = Secrets.redact(match.secret());
        String message = rule.description() + ": " + redacted;
        ScanFinding finding = new ScanFinding(rule.id(), rule.severity(), path, line, column, message, rule.hint(),
                redacted, Fingerprints.of(rule.id(), path, Fingerprints.ofSecret(match.secret())), null, null);
        int lineStart = match.start() - (column - 1);
        Suppressions.Verdict verdict = Suppressions.verdict(text, lineStart, rule.id());
        if (verdict instanceof Suppressions.Accepted accepted) {
            return finding.withSuppression(accepted.reason());
        }
        if (verdict instanceof Suppressions.MissingReason) {
            return new ScanFinding(rule.id(), rule.severity(), path, line, column, message
                    + " (the " + Suppressions.MARKER + " comment is not honoured: it gives no reason)", rule.hint(),
                    redacted, finding.fingerprint(), null, null);
        }
        return finding;
    }
}
