package dev.slk.core.findings;

import java.util.Objects;

/**
 * One result of a check.
 *
 * @param ruleId stable id of the rule that produced it, e.g. {@code schema.type}
 * @param severity error or warning
 * @param location where, as precisely as known
 * @param pointer JSON pointer of the key concerned, "" for the document
 * @param message what is wrong, for a person
 * @param hint how to fix it, or null
 */
public record Finding(
        String ruleId, Severity severity, SourceLocation location, String pointer, String message, String hint) {

    /** Checks the invariants. */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        pointer = pointer == null ? "" : pointer;
    }

    /** @return the same finding as an error (used by {@code --strict}) */
    public Finding asError() {
        return severity == Severity.ERROR ? this : new Finding(ruleId, Severity.ERROR, location, pointer, message, hint);
    }
}
