package dev.slk.core.testmodules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.PermissionStatement;
import dev.slk.spi.ValidationResult;
import java.util.List;
import software.constructs.Construct;

/**
 * A module registered on the test class path, exercising every validation layer: its schema
 * (next to the class), a schedule, Lambda settings and its own rules.
 */
public final class SampleSourceModule extends BaseIntegrationModule {
    @Override
    public String moduleId() {
        return "sample-source";
    }

    @Override
    public String moduleName() {
        return "Sample Source";
    }

    @Override
    public String moduleVersion() {
        return "1.2.0";
    }

    @Override
    public String moduleDescription() {
        return "Test module that polls a sample API";
    }

    @Override
    public ValidationResult validateConfig(JsonNode config) {
        if (config.path("explode").asBoolean(false)) {
            throw new IllegalStateException("validateConfig exploded on purpose");
        }
        ValidationResult.Builder result = ValidationResult.builder();
        if (config.at("/poller/enabled").asBoolean() && config.path("credentialsSecretName").asText().isBlank()) {
            result.error("/credentialsSecretName", "credentialsSecretName is required when the poller is enabled",
                    "name the Secrets Manager secret holding the API token");
        }
        if (config.has("legacyMode")) {
            result.warning("/legacyMode", "legacyMode is deprecated and ignored");
        }
        return result.build();
    }

    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        // Synthesis is not exercised by validation tests.
        return ModuleResources.none();
    }

    @Override
    public List<PermissionStatement> requiredPermissions(ModuleResources created, CoreResources core,
            JsonNode config) {
        return List.of(PermissionStatement.allow("SampleSourceSecret",
                List.of("secretsmanager:GetSecretValue"), List.of("arn:aws:secretsmanager:*:*:secret:sample-*"))
                .on("Poller"));
    }
}
