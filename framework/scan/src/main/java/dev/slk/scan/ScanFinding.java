package dev.slk.scan;

import java.util.Objects;

/**
 * One security-scan result. It never holds a secret: {@code redacted} shows at most the first
 * four characters and the length.
 *
 * @param ruleId the rule, e.g. {@code aws-access-key-id}
 * @param severity how serious
 * @param path file path relative to the scanned root, with '/' separators
 * @param line line, from 1
 * @param column column, from 1
 * @param message what was found
 * @param hint how to fix it
 * @param redacted the redacted match, or "" for findings that are not about a secret value
 * @param fingerprint stable id of the finding, for baselines; contains no secret material
 * @param module the module that owns the file or resource, or null
 * @param suppression why the finding is accepted in the source, or null
 */
public record ScanFinding(
        String ruleId,
        ScanSeverity severity,
        String path,
        int line,
        int column,
        String message,
        String hint,
        String redacted,
        String fingerprint,
        String module,
        Suppression suppression) {

    /** Checks the invariants. */
    public ScanFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fingerprint, "fingerprint");
        redacted = redacted == null ? "" : redacted;
    }

    /**
     * An inline suppression.
     *
     * @param reason the reason written in the comment
     */
    public record Suppression(String reason) {
    }

    /** @return true when an inline comment accepts this finding */
    public boolean suppressed() {
        return suppression != null;
    }

    /** @return this finding, suppressed for the given reason */
    public ScanFinding withSuppression(String reason) {
        return new ScanFinding(ruleId, severity, path, line, column, message, hint, redacted, fingerprint, module,
                new Suppression(reason));
    }

    /** @return this finding attributed to a module */
    public ScanFinding withModule(String moduleId) {
        return new ScanFinding(ruleId, severity, path, line, column, message, hint, redacted, fingerprint, moduleId,
                suppression);
    }
}
