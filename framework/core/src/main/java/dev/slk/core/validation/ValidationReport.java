package dev.slk.core.validation;

import dev.slk.core.config.ProjectConfig;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.Notice;
import dev.slk.core.report.ReportOutput;
import dev.slk.core.waivers.WaiverLedger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything validate-config found in one configuration.
 *
 * @param file the file as the user named it
 * @param findings errors and warnings, in file order
 * @param modulesChecked ids of the enabled modules whose config was validated
 * @param config the resolved configuration, present only when there is no error
 */
public record ValidationReport(String file, List<Finding> findings, List<String> modulesChecked,
        Optional<ProjectConfig> config) {

    /** The command name reports carry. */
    public static final String COMMAND = "validate-config";

    private static final Pattern SUMMARY = Pattern.compile(
            ".+: (valid|invalid) \\(\\d+ errors?, \\d+ warnings?(, \\d+ waived)?; modules checked: .*\\)");

    /** Where {@code --output} may write: nowhere but absent, empty or earlier validate-config reports. */
    public static final ReportOutput OUTPUT = new ReportOutput(COMMAND, line -> SUMMARY.matcher(line).matches());

    /** Copies the lists. */
    public ValidationReport {
        findings = List.copyOf(findings);
        modulesChecked = List.copyOf(modulesChecked);
    }

    /** @return the errors no waiver accepts */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity().isError() && !f.accepted()).toList();
    }

    /** @return the warnings no waiver accepts */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.severity().isError() && !f.accepted()).toList();
    }

    /** @return true when there is no error */
    public boolean valid() {
        return errors().isEmpty();
    }

    /** @return this report with every warning turned into an error, as {@code --strict} asks */
    public ValidationReport strict() {
        List<Finding> all = findings.stream().map(f -> f.atLeast(Severity.HIGH)).toList();
        return new ValidationReport(file, all, modulesChecked, all.isEmpty() ? config : Optional.empty());
    }

    /**
     * @param strict whether warnings were turned into errors
     * @param version the slk version
     * @return the report as the one report layer renders it: errors fail, warnings do not
     */
    public CheckReport toReport(boolean strict, String version) {
        return toReport(strict, version, List.of());
    }

    /**
     * Judges the findings with the waiver ledger, as every checking command does.
     *
     * @param ledger the workspace's waivers
     * @param scope which of them this run answers for
     * @return the judged report (waived findings accepted, orphans with {@code --strict} as
     *     errors) and the ledger's notices
     */
    public Judged judge(WaiverLedger ledger, WaiverLedger.Scope scope) {
        WaiverLedger.Judged judged = ledger.judge(findings, scope);
        List<Finding> all = judged.findings();
        boolean clean = all.stream().noneMatch(f -> f.severity().isError() && !f.accepted());
        return new Judged(new ValidationReport(file, all, modulesChecked, clean ? config : Optional.empty()),
                judged.notices(), ledger.waivers().isEmpty() ? null : ledger.file());
    }

    /**
     * A validation judged with the waiver ledger.
     *
     * @param report the judged report
     * @param notices what the ledger says about itself (orphaned waivers)
     * @param ledger the ledger's name, or null when it has no waivers
     */
    public record Judged(ValidationReport report, List<Notice> notices, String ledger) {
        /**
         * @param strict whether warnings were turned into errors
         * @param version the slk version
         * @return the report as the one report layer renders it
         */
        public CheckReport toReport(boolean strict, String version) {
            CheckReport checked = report.toReport(strict, version, notices);
            if (ledger == null) {
                return checked;
            }
            Map<String, Object> facts = new LinkedHashMap<>(checked.facts());
            facts.put("waivers", ledger);
            return new CheckReport(checked.command(), checked.version(), checked.findings(), checked.failOn(),
                    checked.rules(), checked.notices(), facts, checked.summary(), checked.baselineUsed());
        }
    }

    private CheckReport toReport(boolean strict, String version, List<Notice> notices) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", file);
        facts.put("valid", valid());
        facts.put("strict", strict);
        facts.put("errors", errors().size());
        facts.put("warnings", warnings().size());
        facts.put("modulesChecked", modulesChecked);
        return new CheckReport(COMMAND, version, findings, Severity.HIGH, List.of(), notices, facts, summary(),
                false);
    }

    /** @return e.g. {@code config.yaml: invalid (2 errors, 1 warning, 1 waived; modules checked: okta-logs)} */
    public String summary() {
        long waived = findings.stream().filter(Finding::accepted).count();
        return file + ": " + (valid() ? "valid" : "invalid") + " (" + count(errors().size(), "error") + ", "
                + count(warnings().size(), "warning") + (waived == 0 ? "" : ", " + waived + " waived")
                + "; modules checked: "
                + (modulesChecked.isEmpty() ? "none" : String.join(", ", modulesChecked)) + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
