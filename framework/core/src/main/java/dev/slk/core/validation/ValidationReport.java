package dev.slk.core.validation;

import dev.slk.core.config.ProjectConfig;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.ReportOutput;
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
            ".+: (valid|invalid) \\(\\d+ errors?, \\d+ warnings?; modules checked: .*\\)");

    /** Where {@code --output} may write: nowhere but absent, empty or earlier validate-config reports. */
    public static final ReportOutput OUTPUT = new ReportOutput(COMMAND, line -> SUMMARY.matcher(line).matches());

    /** Copies the lists. */
    public ValidationReport {
        findings = List.copyOf(findings);
        modulesChecked = List.copyOf(modulesChecked);
    }

    /** @return the errors */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity().isError()).toList();
    }

    /** @return the warnings */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.severity().isError()).toList();
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
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", file);
        facts.put("valid", valid());
        facts.put("strict", strict);
        facts.put("errors", errors().size());
        facts.put("warnings", warnings().size());
        facts.put("modulesChecked", modulesChecked);
        return new CheckReport(COMMAND, version, findings, Severity.HIGH, List.of(), List.of(), facts, summary(),
                false);
    }

    /** @return e.g. {@code config.yaml: invalid (2 errors, 1 warning; modules checked: okta-logs)} */
    public String summary() {
        return file + ": " + (valid() ? "valid" : "invalid") + " (" + count(errors().size(), "error") + ", "
                + count(warnings().size(), "warning") + "; modules checked: "
                + (modulesChecked.isEmpty() ? "none" : String.join(", ", modulesChecked)) + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
