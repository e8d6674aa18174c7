package dev.slk.core.findings;

import java.util.Objects;

/**
 * What a rule is, for rule listings and the rule metadata of SARIF output.
 *
 * @param id stable id, e.g. {@code infra-unencrypted-topic} or {@code schema.type}
 * @param severity how serious a finding of the rule is by default
 * @param description what the rule finds, one sentence
 * @param hint how to fix a finding, one sentence
 */
public record Rule(String id, Severity severity, String description, String hint) {
    /** Checks the invariants. */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        hint = hint == null ? "" : hint;
    }
}
