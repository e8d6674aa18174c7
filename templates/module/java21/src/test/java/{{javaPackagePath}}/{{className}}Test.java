/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.kit.FunctionArtifact;
import dev.slk.spi.IntegrationModule;
import dev.slk.spi.ValidationResult;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The module's identity, registration and config rules. */
class {{className}}Test {
    private final {{className}} module = new {{className}}();

    private static ValidationResult validate(String eventProcessor) {
        return new {{className}}().validateConfig(TestCore.config("{\"credentialsSecretName\": \"{{secretName}}\", "
                + "\"sourceUrl\": \"https://api.example.com/v1/events\", \"eventProcessor\": " + eventProcessor + "}"));
    }

    private static List<String> pointers(ValidationResult result) {
        return result.problems().stream().map(ValidationResult.Problem::pointer).toList();
    }

    @Test
    void isRegisteredForServiceLoader() {
        List<String> ids = ServiceLoader.load(IntegrationModule.class).stream()
                .map(provider -> provider.get().moduleId()).toList();
        assertTrue(ids.contains("{{moduleId}}"), ids.toString());
    }

    @Test
    void identityFollowsTheSpiRules() {
        assertTrue(module.moduleId().matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"));
        assertTrue(module.moduleVersion().matches("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"));
        assertEquals("{{moduleNameJava}}", module.moduleName());
        assertEquals("{{moduleDescriptionJava}}", module.moduleDescription());
    }

    @Test
    void schemaIsShippedNextToTheClassAndDescribesEveryKey() throws Exception {
        URL schema = module.configSchema().orElseThrow();
        JsonNode root;
        try (InputStream in = schema.openStream()) {
            root = TestCore.JSON.readTree(in);
        }
        assertEquals("https://json-schema.org/draft/2020-12/schema", root.path("$schema").asText());
        for (String pointer : List.of("/properties/credentialsSecretName", "/properties/sourceUrl",
                "/properties/eventProcessor", "/properties/eventProcessor/properties/schedule",
                "/properties/eventProcessor/properties/memorySize", "/properties/eventProcessor/properties/timeout",
                "/properties/eventProcessor/properties/reservedConcurrentExecutions",
                "/properties/eventProcessor/properties/logLevel", "/properties/eventProcessor/properties/environment",
                "/properties/eventProcessor/properties/enabled")) {
            assertTrue(root.at(pointer + "/description").isTextual(), pointer);
        }
    }

    @Test
    void defaultsAreValid() {
        assertTrue(validate("{}").problems().isEmpty());
        assertTrue(module.validateConfig(TestCore.config("{}")).problems().isEmpty());
    }

    @Test
    void timeoutLongerThanTheIntervalIsAnError() {
        ValidationResult result = validate("{\"schedule\": \"rate(1 minute)\", \"timeout\": 90}");
        assertEquals(List.of("/eventProcessor/timeout"), pointers(result));
        assertTrue(result.errors().get(0).message().contains("90 s is longer than the schedule's interval (60 s)"));
        assertTrue(validate("{\"schedule\": \"rate(2 hours)\", \"timeout\": 900}").isValid());
        assertTrue(validate("{\"schedule\": \"rate(1 day)\", \"timeout\": 900}").isValid());
        assertTrue(validate("{\"schedule\": \"cron(0 12 * * ? *)\", \"timeout\": 900}").isValid());
    }

    @Test
    void anInvalidScheduleIsLeftToSlksOwnRule() {
        assertTrue(validate("{\"schedule\": \"every hour\"}").problems().isEmpty());
    }

    @Test
    void concurrencyAboveOneIsAWarning() {
        ValidationResult result = validate("{\"reservedConcurrentExecutions\": 3}");
        assertTrue(result.isValid());
        assertEquals(List.of("/eventProcessor/reservedConcurrentExecutions"),
                result.warnings().stream().map(ValidationResult.Problem::pointer).toList());
    }

    @Test
    void environmentMayCarrySecretNamesButNotSecretsOrTheModulesOwnVariables() {
        assertTrue(validate("{\"environment\": {\"TENANT_SECRET_NAME\": \"t\", \"API_TOKEN_ARN\": \"a\", "
                + "\"REGION_HINT\": \"eu\"}}").problems().isEmpty());
        ValidationResult result = validate("{\"environment\": {\"API_TOKEN\": \"x\", \"EVENT_QUEUE_URL\": \"y\", "
                + "\"AWS_REGION\": \"z\", \"db/password\": \"w\"}}");
        assertEquals(List.of("/eventProcessor/environment/API_TOKEN", "/eventProcessor/environment/EVENT_QUEUE_URL",
                "/eventProcessor/environment/AWS_REGION", "/eventProcessor/environment/db~1password"), pointers(result));
        assertTrue(result.errors().get(0).message().contains("looks like it holds a secret"));
    }

    @Test
    void aDisabledProcessorIsNotChecked() {
        assertTrue(validate("{\"enabled\": false, \"schedule\": \"rate(1 minute)\", \"timeout\": 900}").isValid());
    }

    @Test
    void secretArnMatchesOnlyTheNamedSecret() {
        assertTrue({{className}}.secretArn("a/b").endsWith(":secret:a/b-??????"));
    }

    @Test
    void theBuiltEventProcessorIsFoundNextToTheModule() {
        Path found = FunctionArtifact.locate({{className}}.class, "{{moduleDir}}", {{className}}.ARTIFACT);
        assertTrue(Files.isRegularFile(found), found.toString());
        assertTrue(found.endsWith({{className}}.ARTIFACT), found.toString());
    }
}
