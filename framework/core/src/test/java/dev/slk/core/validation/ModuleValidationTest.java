package dev.slk.core.validation;

import static dev.slk.core.testing.Configs.byRule;
import static dev.slk.core.testing.Configs.describe;
import static dev.slk.core.testing.Configs.minimalWith;
import static dev.slk.core.testing.Configs.validate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layers (b) and (d): each enabled module's schema and its own validateConfig, with locations. */
class ModuleValidationTest {
    private static String sample(String configLines) {
        return minimalWith("integrations:\n  sample-source:\n    enabled: true\n    config:\n" + configLines);
    }

    @Test
    void moduleSchemaErrorsPointIntoTheModuleBlock() {
        String yaml = sample("      credentialsSecretName: s\n      poller:\n        memorySize: big\n        pollEvery: 5\n");
        ValidationReport report = validate(yaml);
        Finding type = byRule(report, "module-schema.type").get(0);
        assertEquals("/integrations/sample-source/config/poller/memorySize", type.pointer());
        assertEquals(yaml.split("\n").length - 1, type.location().line());
        Finding unknown = byRule(report, "module-schema.additionalProperties").get(0);
        assertEquals("/integrations/sample-source/config/poller/pollEvery", unknown.pointer());
        assertTrue(unknown.hint().contains("known keys here: enabled, memorySize, timeout, schedule"), unknown.hint());
        assertEquals(List.of("sample-source"), report.modulesChecked());
    }

    @Test
    void moduleErrorsAndWarningsAreReportedWithTheirPointers() {
        ValidationReport report = validate(sample("      legacyMode: true\n"));
        Finding error = byRule(report, "module.sample-source").stream()
                .filter(f -> f.severity() == Severity.HIGH).findFirst().orElseThrow(() -> new AssertionError(describe(report)));
        assertEquals("/integrations/sample-source/config/credentialsSecretName", error.pointer());
        assertEquals("credentialsSecretName is required when the poller is enabled", error.message());
        Finding warning = byRule(report, "module.sample-source").stream()
                .filter(f -> f.severity() == Severity.MEDIUM).findFirst().orElseThrow();
        assertEquals("/integrations/sample-source/config/legacyMode", warning.pointer());
        assertEquals(report.findings().size(), 2, describe(report));
    }

    @Test
    void aModuleThatThrowsIsAnErrorNamingTheModuleAndTheHook() {
        Finding f = byRule(validate(sample("      explode: true\n")), "module.hook-failed").get(0);
        assertTrue(f.message().startsWith("module dev.slk.core.testmodules.SampleSourceModule (from "), f.message());
        assertTrue(f.message().contains("failed in validateConfig: IllegalStateException: validateConfig exploded"),
                f.message());
    }

    @Test
    void aDisabledModuleIsNotValidatedBeyondItsShape() {
        ValidationReport report = validate(minimalWith(
                "integrations:\n  sample-source:\n    enabled: false\n    config:\n      anything: 1\n"));
        assertTrue(report.findings().isEmpty(), describe(report));
        assertTrue(report.modulesChecked().isEmpty());
    }

    @Test
    void writeOnlyModuleValuesAreNeverPrintedWhole() {
        String token = "12345678901234567890123456789";
        ValidationReport report = validate(sample("      credentialsSecretName: s\n      apiToken: " + token + "\n"));
        Finding f = byRule(report, "module-schema.type").get(0);
        assertFalse(f.message().contains(token), f.message());
        assertTrue(f.message().contains("'1234...' (29 characters)"), f.message());
    }

    @Test
    void allFourLayersReportInOneRun() {
        ValidationReport report = validate(minimalWith("environment: qa\nsqsQueue:\n  visiblity: 1\n"
                + "integrations:\n  sample-source:\n    enabled: true\n    config:\n      poller:\n"
                + "        schedule: rate(0 minutes)\n        memorySize: 20000\n"
                + "  sample-sink:\n    enabled: true\n    config:\n      endpoint: 42\n"));
        List<String> rules = report.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
        assertEquals(List.of("environment", "lambda.memory", "module-schema.type", "module.sample-source",
                "schedule", "schema.additionalProperties"), rules, describe(report));
        assertEquals(List.of("sample-source", "sample-sink"), report.modulesChecked());
    }

    @Test
    void validateConfigIsNotCalledOnABlockThatFailedItsSchema() {
        ValidationReport report = validate(sample("      poller:\n        memorySize: big\n"));
        assertEquals(1, byRule(report, "module-schema.type").size(), describe(report));
        assertTrue(byRule(report, "module.sample-source").isEmpty(), describe(report));
    }

    @Test
    void aModuleSchemaWithADanglingRefIsTheModulesFault() throws Exception {
        dev.slk.core.schema.JsonSchemaDocument broken = new dev.slk.core.schema.JsonSchemaDocument("broken",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/nothing\"}}}"));
        assertEquals(List.of("/properties/a/$ref: #/$defs/nothing refers to nothing in the schema"),
                dev.slk.core.schema.SchemaValidation.metaSchemaProblems(broken));
    }

    @Test
    void writeOnlyBesideARefStillRedactsTheValue() {
        String key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        ValidationReport report = validate(minimalWith("integrations:\n  sample-sink:\n    enabled: true\n"
                + "    config:\n      endpoint: https://example.com/in\n      signingKey: " + key + "\n"));
        Finding f = byRule(report, "module-schema.pattern").get(0);
        assertFalse(f.message().contains(key), f.message());
        assertTrue(f.message().contains("'ABCD...' (36 characters)"), f.message());
    }
}
