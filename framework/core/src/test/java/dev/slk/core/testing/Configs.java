package dev.slk.core.testing;

import dev.slk.core.findings.Finding;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers to validate YAML text in tests. */
public final class Configs {
    /** A valid minimal configuration; tests append or replace keys. */
    public static final String MINIMAL = """
            projectName: demo
            environment: dev
            awsRegion: us-east-1
            encryption:
              keyAlias: demo
            securityLake:
              s3Bucket: aws-security-data-lake-us-east-1-abcdefghijklmnopqrstuvwxyz0123
              externalId: secretsmanager:demo/external-id
              serviceRole: SecurityLakeGlueCrawler
            """;

    private static final ModuleRegistry REGISTRY = ModuleRegistry.discover(Configs.class.getClassLoader());

    private Configs() {
    }

    /** @return the registry of the test class path (holds sample-source) */
    public static ModuleRegistry registry() {
        return REGISTRY;
    }

    /**
     * The minimal configuration with some top-level blocks replaced or added.
     *
     * @param blocks YAML text of whole top-level blocks, e.g. {@code "environment: prod\n"}
     * @return the combined YAML
     */
    public static String minimalWith(String blocks) {
        java.util.Set<String> replaced = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^([A-Za-z]+):").matcher(blocks);
        while (m.find()) {
            replaced.add(m.group(1));
        }
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : MINIMAL.split("\n")) {
            java.util.regex.Matcher key = java.util.regex.Pattern.compile("^([A-Za-z]+):").matcher(line);
            if (key.find()) {
                skipping = replaced.contains(key.group(1));
            }
            if (!skipping) {
                out.append(line).append('\n');
            }
        }
        return out.append(blocks).toString();
    }

    /** Validates YAML text named {@code config.yaml}. */
    public static ValidationReport validate(String yaml) {
        try {
            return new ConfigValidator(REGISTRY).validate(new YamlLoader().parse(yaml, "config.yaml"), null);
        } catch (UnreadableInputException e) {
            throw new AssertionError("unexpectedly unreadable: " + e.getMessage(), e);
        }
    }

    /** Validates a file. */
    public static ValidationReport validate(Path file) {
        try {
            return new ConfigValidator(REGISTRY).validate(new YamlLoader().load(file, file.toString()), null);
        } catch (UnreadableInputException e) {
            throw new AssertionError("unexpectedly unreadable: " + e.getMessage(), e);
        }
    }

    /** @return the findings of one rule */
    public static List<Finding> byRule(ValidationReport report, String rule) {
        return report.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    /** @return the findings, one per line, for assertion messages */
    public static String describe(ValidationReport report) {
        return report.findings().stream()
                .map(f -> f.location() + " " + f.severity() + " " + f.ruleId() + " " + f.pointer() + ": " + f.message())
                .collect(Collectors.joining("\n"));
    }
}
