package dev.slk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

class BaseIntegrationModuleTest {
    private static final class OktaLogs extends BaseIntegrationModule {
        @Override
        public String moduleId() {
            return "okta-logs";
        }

        @Override
        public String moduleName() {
            return "Okta Logs";
        }

        @Override
        public String moduleVersion() {
            return "1.0.0";
        }

        @Override
        public String moduleDescription() {
            return "Okta system log";
        }

        @Override
        public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
            return ModuleResources.none();
        }

        String id(String name) {
            return resourceId(name);
        }

        String sid(String name) {
            return statementId(name);
        }

        String physicalName(Project project, String suffix) {
            return resourceName(project, suffix);
        }
    }

    @Test
    void derivesIdsFromTheModuleId() {
        OktaLogs module = new OktaLogs();
        assertEquals("OktaLogsProcessor", module.id("Processor"));
        assertEquals("OktaLogsSecretsAccess", module.sid("SecretsAccess"));
        PermissionStatement.allow(module.sid("SecretsAccess"), List.of("secretsmanager:GetSecretValue"), List.of("*"));
    }

    @Test
    void physicalNamesCarryTheProjectModuleAndEnvironment() {
        Project project = new Project("demo", "prod", "eu-west-1", java.util.Optional.empty(), Map.of(), 30);
        assertEquals("demo-okta-logs-poller-prod", new OktaLogs().physicalName(project, "poller"));
    }

    @Test
    void defaultsAreEmptyAndValid() {
        OktaLogs module = new OktaLogs();
        assertTrue(module.validateConfig(new ObjectMapper().createObjectNode()).isValid());
        assertTrue(module.outputs(ModuleResources.none()).isEmpty());
        assertTrue(module.healthChecks(ModuleResources.none()).isEmpty());
        assertTrue(module.requiredPermissions(ModuleResources.none(), null, null).isEmpty());
        assertTrue(module.configSchema().isEmpty());
    }

    @Test
    void checkScheduleParsesTheExpression() throws Exception {
        JsonNode config = new ObjectMapper().readTree("{\"p\": {\"schedule\": \"rate(1 minutes)\"}, \"q\": 5}");
        ValidationResult.Builder result = ValidationResult.builder();
        BaseIntegrationModule.checkSchedule(config, "/p/schedule", result);
        BaseIntegrationModule.checkSchedule(config, "/q", result);
        BaseIntegrationModule.checkSchedule(config, "/absent", result);
        ValidationResult r = result.build();
        assertEquals(2, r.errors().size());
        assertEquals("/p/schedule", r.errors().get(0).pointer());
        assertTrue(r.errors().get(0).message().contains("rate(1 minute)"), r.errors().get(0).message());
    }

    @Test
    void outputAndHealthCheckEnforceCloudRules() {
        assertThrows(IllegalArgumentException.class, () -> new ModuleOutput("function-arn", "x", null));
        assertThrows(IllegalArgumentException.class, () -> new HealthCheck("errors", "", "AWS/Lambda", "Errors",
                Map.of(), "Sum", HealthCheck.Comparison.GREATER_THAN_THRESHOLD, 1, 90, 1));
        HealthCheck ok = new HealthCheck("errors", null, "AWS/Lambda", "Errors", Map.of("FunctionName", "f"), "p99",
                HealthCheck.Comparison.GREATER_THAN_THRESHOLD, 1, 300, 2);
        assertEquals("", ok.description());
    }
}
