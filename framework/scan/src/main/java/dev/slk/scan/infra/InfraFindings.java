package dev.slk.scan.infra;

import dev.slk.scan.Fingerprints;
import dev.slk.scan.RuleInfo;
import dev.slk.scan.ScanFinding;
import java.util.Comparator;

/** Builds infrastructure findings, so that every one takes its severity and hint from the catalogue. */
final class InfraFindings {
    /** Report order: by file, then position, then rule. */
    static final Comparator<ScanFinding> ORDER = Comparator.comparing(ScanFinding::path)
            .thenComparingInt(ScanFinding::line)
            .thenComparingInt(ScanFinding::column)
            .thenComparing(ScanFinding::ruleId)
            .thenComparing(ScanFinding::fingerprint);

    private InfraFindings() {
    }

    /**
     * @param idParts what identifies the finding within the file (logical id, variable name...); never a
     *     line number and never a secret, so that the fingerprint is stable and safe to store
     */
    static ScanFinding of(RuleInfo rule, String path, int line, int column, String message, String redacted,
            String module, String... idParts) {
        String[] parts = new String[idParts.length + 2];
        parts[0] = rule.id();
        parts[1] = path;
        System.arraycopy(idParts, 0, parts, 2, idParts.length);
        return new ScanFinding(rule.id(), rule.severity(), path, line, column, message, rule.hint(), redacted,
                Fingerprints.of(parts), module, null);
    }

    /** A file that could not be checked; {@code why} must not quote the file's content. */
    static ScanFinding unchecked(String path, int line, int column, String why) {
        return of(InfraRules.UNCHECKED_FILE, path, Math.max(1, line), Math.max(1, column),
                path + " was not checked: " + why, "", null, "unchecked");
    }
}
