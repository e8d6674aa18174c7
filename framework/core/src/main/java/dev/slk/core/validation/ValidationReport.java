package dev.slk.core.validation;

import dev.slk.core.config.ProjectConfig;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import java.util.List;
import java.util.Optional;

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
}
