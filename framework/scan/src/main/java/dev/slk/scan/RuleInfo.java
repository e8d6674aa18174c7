package dev.slk.scan;

/**
 * What a rule is, for {@code --list-rules} and the rule metadata of SARIF output.
 *
 * @param id stable id, lower-case with hyphens, e.g. {@code infra-unencrypted-topic}
 * @param severity how serious a finding of the rule is
 * @param description what the rule finds, one sentence
 * @param hint how to fix a finding, one sentence
 */
public record RuleInfo(String id, ScanSeverity severity, String description, String hint) {
}
