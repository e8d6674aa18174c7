package dev.slk.core.validation;

import static dev.slk.core.testing.Configs.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.testing.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled example, and the reference framework's own example, as existing users have it. */
class CompatibilityTest {

    private static Path reference(String name) {
        Path dir = Path.of(System.getProperty("slk.reference.dir", "../../../shared/reference"));
        Path file = dir.resolve(name);
        // CI always has shared/ beside the checkout; elsewhere the reference data may be absent.
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(Files.exists(file), "reference data not available at " + file);
        }
        return file;
    }

    @Test
    void bundledExampleValidatesClean() throws Exception {
        ValidationReport report = new ConfigValidator(Configs.registry())
                .validate(ConfigReader.read(new ConfigSource.BundledExample()), null);
        assertTrue(report.findings().isEmpty(), describe(report));
        assertTrue(report.config().isPresent());
    }

    @Test
    void referenceExampleHasExactlyOneErrorTheUnknownAzureModule() {
        ValidationReport report = Configs.validate(reference("config.example.yaml"));
        List<Finding> errors = report.errors();
        assertEquals(1, errors.size(), describe(report));
        assertEquals("integration.unknown", errors.get(0).ruleId());
        assertEquals("/integrations/azure", errors.get(0).pointer());
        assertEquals(187, errors.get(0).location().line());
    }

    @Test
    void referenceExampleWarnsAboutTheDisabledUnknownModuleAndTheKeysSlkIgnores() {
        ValidationReport report = Configs.validate(reference("config.example.yaml"));
        List<Finding> warnings = report.warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.ruleId().equals("integration.unknown")
                && w.pointer().equals("/integrations/google-scc")), describe(report));
        List<String> ignored = warnings.stream().filter(w -> w.ruleId().equals("ignored-key")).map(Finding::pointer).toList();
        assertEquals(List.of("/coreProcessing/eventTransformer/runtime", "/coreProcessing/eventTransformer/lambdaLayerArn",
                "/coreProcessing/securityHubProcessor/runtime", "/integrations/azure/modulePath",
                "/integrations/google-scc/modulePath"), ignored);
        assertTrue(warnings.stream().allMatch(w -> w.severity() == Severity.MEDIUM));
        assertTrue(warnings.stream().noneMatch(w -> w.message().contains("REPLACE_WITH_SECURE_RANDOM_STRING")));
    }

    @Test
    void referenceModuleExamplesParseAsIntegrationBlocks() {
        for (String name : List.of("azure.config.example.yaml", "google-scc.config.example.yaml")) {
            ValidationReport report = Configs.validate(reference(name));
            // Module-only fragments: the project keys are missing and the module is not installed.
            assertTrue(report.errors().stream().allMatch(e -> e.ruleId().equals("schema.required")
                    || e.ruleId().equals("integration.unknown") || e.ruleId().startsWith("security-lake")
                    || e.ruleId().equals("encryption.key-alias")), describe(report));
        }
    }
}
