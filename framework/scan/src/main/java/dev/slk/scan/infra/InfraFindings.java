package dev.slk.scan.infra;

import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Location;
import dev.slk.core.findings.SourceLocation;

/** Builds infrastructure findings, so that every one takes its severity and hint from the catalogue. */
final class InfraFindings {
    private InfraFindings() {
    }

    /**
     * @param idParts what identifies the finding within the file (logical id, variable name...); never a
     *     line number and never a secret, so that the fingerprint is stable and safe to store
     */
    static Finding of(Rule rule, String path, int line, int column, String message, String redacted,
            String module, String... idParts) {
        return at(rule, new SourceLocation(path, line, column), message, redacted, module, idParts);
    }

    /** A finding at a place in a file or at a template resource; the fingerprint names the file, never a line. */
    static Finding at(Rule rule, Location location, String message, String redacted, String module,
            String... idParts) {
        String path = location.file();
        String[] parts = new String[idParts.length + 2];
        parts[0] = rule.id();
        parts[1] = path;
        System.arraycopy(idParts, 0, parts, 2, idParts.length);
        return new Finding(rule.id(), rule.severity(), location, "", message,
                rule.hint(), redacted, Fingerprints.of(parts), module, null);
    }

    /** A file that could not be checked; {@code why} must not quote the file's content. */
    static Finding unchecked(String path, int line, int column, String why) {
        return of(InfraRules.UNCHECKED_FILE, path, Math.max(1, line), Math.max(1, column),
                path + " was not checked: " + why, "", null, "unchecked");
    }
}
