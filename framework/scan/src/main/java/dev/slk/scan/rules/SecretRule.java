package dev.slk.scan.rules;

import dev.slk.core.findings.Severity;
import java.util.List;

/**
 * A secret rule of the catalogue.
 *
 * @param id stable id, lower-case with hyphens, e.g. {@code aws-access-key-id}
 * @param severity how serious a match is
 * @param description what the rule finds
 * @param hint how to fix a finding
 * @param keywords lower-case literals of which every true match contains at least one; files
 *     containing none of them (case-insensitively) are not given to the detector
 * @param detector finds the matches
 */
public record SecretRule(
        String id, Severity severity, String description, String hint, List<String> keywords, Detector detector) {

    /** Copies the keyword list. */
    public SecretRule {
        keywords = List.copyOf(keywords);
    }
}
