package dev.slk.core.report;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a checking command found, judged against its threshold: the input of every
 * report format.
 *
 * @param command the command, e.g. {@code security-scan}
 * @param version the slk version
 * @param findings every finding, accepted ones included, in report order
 * @param failOn the lowest severity that fails the run
 * @param rules the command's rule catalogue (rules of findings missing from it are described from
 *     the findings); may be empty
 * @param notices what could not be checked
 * @param facts command-specific figures (file names, counts, flags): strings, numbers, booleans or
 *     lists of strings, in a stable order
 * @param summary the one-line verdict of the text format
 * @param baselineUsed whether a baseline was given (SARIF then marks each result new or unchanged)
 */
public record CheckReport(
        String command,
        String version,
        List<Finding> findings,
        Severity failOn,
        List<Rule> rules,
        List<Notice> notices,
        Map<String, Object> facts,
        String summary,
        boolean baselineUsed) {

    /** Copies the collections. */
    public CheckReport {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(summary, "summary");
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
        notices = List.copyOf(notices);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** @return {@code slk <command>}, the tool name every format names */
    public String toolName() {
        return "slk " + command;
    }

    /**
     * @param finding one of the findings
     * @return whether it fails the run, and if not, why
     */
    public Status status(Finding finding) {
        return finding.status(failOn);
    }

    /**
     * @param status a status
     * @return how many findings have it
     */
    public long count(Status status) {
        return findings.stream().filter(f -> status(f) == status).count();
    }

    /**
     * @return the catalogue's rules, then a rule for every finding's rule the catalogue lacks
     *     (validate-config has no catalogue): its highest severity and first hint
     */
    public List<Rule> rulesInUse() {
        Map<String, Rule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        for (Finding f : findings) {
            byId.merge(f.ruleId(), new Rule(f.ruleId(), f.severity(), toolName() + " rule " + f.ruleId(), f.hint()),
                    (old, found) -> rules.contains(old) || old.severity().compareTo(found.severity()) >= 0 ? old
                            : new Rule(old.id(), found.severity(), old.description(), old.hint()));
        }
        return List.copyOf(byId.values());
    }

    /** @return true when no finding fails */
    public boolean passed() {
        return count(Status.FAILING) == 0;
    }
}
