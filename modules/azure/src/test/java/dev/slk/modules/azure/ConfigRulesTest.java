/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module's own rules, through slk's one validator, as validate-config reports them. */
class ConfigRulesTest {
    private static ValidationReport validate(String config) {
        return Slk.validate(Slk.bundledExampleWith("integrations:\n  azure:\n    enabled: true\n    config:\n"
                + config.indent(6)));
    }

    private static List<String> errors(ValidationReport report) {
        return report.errors().stream().map(f -> f.ruleId() + " " + f.message()).toList();
    }

    @Test
    void anEmptyBlockIsValidWithItsDefaults() {
        ValidationReport report = validate("{}");
        assertTrue(report.valid(), errors(report).toString());
        // The bundled example's source lacks classes the module produces: CustomSourceRoutingTest's warning.
        assertEquals(List.of(), report.warnings().stream().filter(f -> !f.ruleId().equals("integration.unrouted-class"))
                .map(Finding::message).toList());
    }

    @Test
    void theEnvironmentCannotOverrideSlksVariablesNorHoldSecrets() {
        ValidationReport report = validate("eventHubProcessor:\n  environment:\n    EVENT_QUEUE_URL: x\n"
                + "    CLIENT_SECRET: y\n    LOGGING_LEVEL: DEBUG\n");
        assertEquals(2, report.errors().size(), errors(report).toString());
        assertTrue(errors(report).get(0).contains("EVENT_QUEUE_URL is set by slk and cannot be overridden")
                || errors(report).get(1).contains("EVENT_QUEUE_URL is set by slk and cannot be overridden"),
                errors(report).toString());
        assertTrue(errors(report).stream().anyMatch(e -> e.contains("CLIENT_SECRET looks like it holds a secret")),
                errors(report).toString());
    }

    @Test
    void theStartPositionIsLatestEarliestOrAnInstant() {
        assertTrue(validate("eventHubProcessor:\n  startPosition: earliest\n").valid());
        assertTrue(validate("eventHubProcessor:\n  startPosition: '2026-01-01T00:00:00Z'\n").valid());
        ValidationReport report = validate("eventHubProcessor:\n  startPosition: yesterday\n");
        assertEquals(List.of("module.azure startPosition 'yesterday' is neither latest, earliest nor an ISO-8601 "
                + "instant"), errors(report));
    }

    @Test
    void theCheckpointStoreCannotBeSwitchedOffUnderAProcessor() {
        ValidationReport report = validate("checkpointStore:\n  enabled: false\n");
        assertTrue(errors(report).get(0).contains("the event hub processor needs its checkpoint store"),
                errors(report).toString());
        assertTrue(validate("eventHubProcessor:\n  enabled: false\ncheckpointStore:\n  enabled: false\n").valid());
    }

    @Test
    void aCreatedSecretMustBeTheOneTheProcessorReads() {
        ValidationReport report = validate("eventHubProcessor:\n  azureCredentialsSecretName: a\nsecretsManager:\n"
                + "  eventHubSecret:\n    secretName: b\n    create: true\n");
        assertEquals(List.of("module.azure the processor reads secret 'a' but slk creates 'b' "
                + "(secretsManager.eventHubSecret.secretName)"), errors(report));
    }

    @Test
    void readingMustLeaveTimeToSendAndMoreThanOneRunIsAWarning() {
        ValidationReport report = validate("eventHubProcessor:\n  timeout: 60\n  maxSecondsPerInvocation: 58\n"
                + "  reservedConcurrentExecutions: 2\n");
        assertTrue(errors(report).get(0).contains("maxSecondsPerInvocation 58 leaves less than 5 s of the 60 s"),
                errors(report).toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.message().startsWith("more than one concurrent run")));
    }

    @Test
    void anUnknownKeyIsAnErrorOfTheSchema() {
        ValidationReport report = validate("eventHubProcesor: {}\n");
        assertTrue(report.errors().stream().anyMatch(f -> f.ruleId().equals("module-schema.additionalProperties")),
                errors(report).toString());
    }

    @Test
    void aDisabledProcessorBuildsNothing() {
        AzureModule module = new AzureModule();
        assertTrue(module.createResources(null, null, Slk.JSON.createObjectNode().set("eventHubProcessor",
                Slk.JSON.createObjectNode().put("enabled", false))).isEmpty());
        assertEquals(List.of(), module.healthChecks(dev.slk.spi.ModuleResources.none()));
        assertEquals(List.of(), module.outputs(dev.slk.spi.ModuleResources.none()));
        assertEquals(List.of(), module.requiredPermissions(dev.slk.spi.ModuleResources.none(), null,
                Slk.JSON.createObjectNode()));
        assertEquals("azure", module.moduleId());
        assertEquals("1.0.0", module.moduleVersion());
    }
}
