package dev.slk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.slk.core.schema.JsonSchemaDocument;
import dev.slk.core.testing.Configs;
import dev.slk.core.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectSchemaTest {
    private final JsonSchemaDocument schema = ProjectSchema.document();

    @Test
    void schemaIsValidDraft202012() {
        JsonNode metaSchemaCheck = schema.root();
        Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"))
                .validate(metaSchemaCheck);
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void everyOptionalKeyHasADefaultOrSaysWhyNot() {
        List<String> undocumented = new ArrayList<>();
        walk(schema.root(), "", undocumented);
        assertTrue(undocumented.isEmpty(), "keys without a default or a 'No default' note: " + undocumented);
    }

    private void walk(JsonNode node, String path, List<String> out) {
        JsonNode resolved = schema.resolve(node);
        Set<String> required = new java.util.HashSet<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> e : schema.properties(resolved).entrySet()) {
            JsonNode p = schema.resolve(e.getValue());
            String description = e.getValue().path("description").asText(p.path("description").asText());
            boolean container = "object".equals(p.path("type").asText()) && p.has("properties");
            boolean documented = p.has("default") || container || required.contains(e.getKey())
                    || p.path("deprecated").asBoolean() || description.contains("No default")
                    || description.contains("Default: "); // a default derived from other keys
            if (!documented) {
                out.add(path + "/" + e.getKey());
            }
            if (description.isBlank()) {
                out.add(path + "/" + e.getKey() + " (no description)");
            }
            walk(p, path + "/" + e.getKey(), out);
            if (p.has("items")) {
                walk(p.get("items"), path + "/" + e.getKey() + "/*", out);
            }
            if (p.path("additionalProperties").isObject()) {
                walk(p.get("additionalProperties"), path + "/" + e.getKey() + "/*", out);
            }
        }
    }

    @Test
    void everyIntegerIsBoundedSoTheModelCanHoldIt() {
        // memorySize and timeout are bounded by the lambda.* rules, which read numbers of any size.
        List<String> unbounded = new ArrayList<>();
        findUnbounded(schema.root(), "", unbounded);
        assertEquals(List.of("/coreProcessing/eventTransformer/memorySize", "/coreProcessing/eventTransformer/timeout",
                "/coreProcessing/securityHubProcessor/memorySize", "/coreProcessing/securityHubProcessor/timeout"),
                unbounded);
    }

    private void findUnbounded(JsonNode node, String path, List<String> out) {
        for (Map.Entry<String, JsonNode> e : schema.properties(node).entrySet()) {
            JsonNode p = schema.resolve(e.getValue());
            if ("integer".equals(p.path("type").asText()) && !p.has("maximum") && !p.has("enum")) {
                out.add(path + "/" + e.getKey());
            }
            findUnbounded(p, path + "/" + e.getKey(), out);
        }
    }

    @Test
    void absurdNumbersAreErrorsNotCrashes() {
        ValidationReport report = Configs.validate(Configs.minimalWith(
                "coreProcessing:\n  eventTransformer:\n    reservedConcurrentExecutions: 99999999999\n"
                        + "    timeout: 99999999999999999999999\n"));
        assertFalse(report.valid());
        assertEquals(2, report.errors().size(), Configs.describe(report));
    }

    @Test
    void leftOutNestedKeysTakeTheirDefaults() {
        ValidationReport report = Configs.validate(Configs.MINIMAL);
        ProjectConfig config = report.config().orElseThrow(() -> new AssertionError(Configs.describe(report)));
        assertTrue(config.sqsQueue().deadLetterQueue().enabled());
        assertEquals(3, config.sqsQueue().deadLetterQueue().maxReceiveCount());
        assertEquals("event-dlq", config.sqsQueue().deadLetterQueue().queueName());
        assertEquals(60, config.coreProcessing().eventTransformer().timeout());
        assertEquals(512, config.coreProcessing().eventTransformer().memorySize());
        assertEquals(360, config.sqsQueue().visibilityTimeout());
        assertEquals(90, config.monitoring().cloudWatchLogs().retentionDays());
        assertEquals(0.05, config.monitoring().alarms().lambdaErrorAlarm().errorRateThreshold());
        assertFalse(config.securityHub().enabled());
        assertTrue(config.encryption().customerManagedKey());
        assertEquals(List.of("Management"), config.cloudTrailEventDataStore().eventCategories());
    }

    @Test
    void moduleConfigGetsTheModuleSchemaDefaults() {
        ValidationReport report = Configs.validate(Configs.minimalWith(
                "integrations:\n  sample-source:\n    enabled: true\n    config:\n      credentialsSecretName: s\n"));
        ProjectConfig config = report.config().orElseThrow(() -> new AssertionError(Configs.describe(report)));
        JsonNode moduleConfig = config.integration("sample-source").orElseThrow().config();
        assertEquals("rate(5 minutes)", moduleConfig.at("/poller/schedule").asText());
        assertEquals(List.of("sample-source"), config.enabledIntegrations());
    }

    @Test
    void productionOverridesApplyToStagingAndProd() {
        String overrides = "production:\n  encryptionKeyType: AWS_OWNED_CMK\n  reservedConcurrentExecutions:\n"
                + "    transformationLambda: 100\n";
        for (String env : List.of("staging", "prod")) {
            ProjectConfig config = Configs.validate(Configs.minimalWith("environment: " + env + "\n" + overrides))
                    .config().orElseThrow();
            assertEquals("AWS_OWNED_CMK", config.encryption().keyType(), env);
            assertEquals(100, config.coreProcessing().eventTransformer().reservedConcurrentExecutions(), env);
        }
        ProjectConfig dev = Configs.validate(Configs.minimalWith(overrides)).config().orElseThrow();
        assertEquals("CUSTOMER_MANAGED_CMK", dev.encryption().keyType());
        assertEquals(10, dev.coreProcessing().eventTransformer().reservedConcurrentExecutions());
    }

    @Test
    void developmentOverridesApplyToDevOnly() {
        String overrides = "development:\n  encryptionKeyType: AWS_OWNED_CMK\n";
        assertEquals("AWS_OWNED_CMK", Configs.validate(Configs.minimalWith(overrides)).config().orElseThrow()
                .encryption().keyType());
        assertEquals("CUSTOMER_MANAGED_CMK", Configs.validate(Configs.minimalWith("environment: prod\n" + overrides))
                .config().orElseThrow().encryption().keyType());
    }

    @Test
    void externalIdIsNotInTheConfigsText() {
        ProjectConfig config = Configs.validate(Configs.MINIMAL).config().orElseThrow();
        assertFalse(config.securityLake().toString().contains("external-id"));
    }
}
