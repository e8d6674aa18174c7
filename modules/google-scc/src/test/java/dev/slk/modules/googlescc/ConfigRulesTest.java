/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slk.spi.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static ValidationResult check(String json) {
        return new GoogleSccModule().validateConfig(TestCore.json(json));
    }

    @Test
    void theReferenceModuleExampleHasNoErrorsOnlyTheSecretTemplateWarnings() throws IOException {
        JsonNode config;
        try (InputStream in = getClass().getResourceAsStream("/reference-google-scc.config.example.yaml")) {
            config = YAML.readTree(in).at("/integrations/google-scc/config");
        }
        ValidationResult result = new GoogleSccModule().validateConfig(config);
        assertEquals(List.of(), result.errors());
        assertEquals(2, result.warnings().size(), result.toString());
        assertTrue(result.warnings().get(0).pointer().endsWith("/secretTemplate"));
        assertTrue(result.warnings().get(0).hint().contains("aws secretsmanager put-secret-value --secret-id "
                + "gcp-scc-findings-credentials"), result.warnings().get(0).hint());
    }

    @Test
    void theSingularShapeIsReportedAtItsKeyWithThePollersFormToWrite() {
        ValidationResult result = check("""
                {"pubsubPoller": {"enabled": true, "memorySize": 512, "timeout": 300, "reservedConcurrentExecutions": 1,
                                  "schedule": "rate(5 minutes)", "environment": {"LOGGING_LEVEL": "INFO"}},
                 "gcpCredentialsSecretName": "gcp-pubsub-credentials",
                 "secretsManager": {"gcpCredentialsSecret": {"secretName": "gcp-pubsub-credentials"}}}
                """);
        ValidationResult.Problem poller = result.errors().get(0);
        assertEquals("/pubsubPoller", poller.pointer());
        assertTrue(poller.message().contains("names no Google Cloud project or subscription"), poller.message());
        assertEquals("write instead: pubsubPollers: [{moduleId: scc-findings, projectId: YOUR_PROJECT_ID, "
                + "subscriptionId: YOUR_SUBSCRIPTION_ID, gcpCredentialsSecretName: gcp-pubsub-credentials, enabled: true, "
                + "schedule: rate(5 minutes), memorySize: 512, timeout: 300, reservedConcurrentExecutions: 1, "
                + "environment: {LOGGING_LEVEL: INFO}}]", poller.hint());
        assertEquals("/secretsManager/gcpCredentialsSecret", result.errors().get(1).pointer());
        assertEquals(2, result.errors().size());
    }

    @Test
    void aTopLevelSecretNameAloneIsAnError() {
        ValidationResult result = check("{\"gcpCredentialsSecretName\": \"x\"}");
        assertEquals("/gcpCredentialsSecretName", result.errors().get(0).pointer());
    }

    @Test
    void aPollerWithoutProjectOrSubscriptionIsAnErrorAndTheKeysProjectIsNeverUsed() {
        ValidationResult result = check("{\"pubsubPollers\": [{\"moduleId\": \"a\", \"gcpCredentialsSecretName\": \"s\"}]}");
        assertEquals(2, result.errors().size());
        assertTrue(result.errors().get(0).message().contains("names no projectId"), result.errors().get(0).message());
        assertTrue(result.errors().get(0).hint().contains("never used"));
        assertTrue(result.errors().get(1).message().contains("names no subscriptionId"));
    }

    @Test
    void disagreeingAndMalformedIdsAreErrorsAtTheirKeys() {
        ValidationResult result = check("""
                {"pubsubPollers": [
                  {"moduleId": "a", "gcpCredentialsSecretName": "s", "projectId": "proj-one",
                   "subscriptionId": "projects/p/subscriptions/x", "environment": {"GCP_PROJECT_ID": "proj-two"}},
                  {"moduleId": "a", "gcpCredentialsSecretName": "s", "projectId": "Bad_Project", "subscriptionId": "goog-x"}]}
                """);
        List<String> pointers = result.errors().stream().map(ValidationResult.Problem::pointer).toList();
        assertEquals(List.of("/pubsubPollers/0/environment/GCP_PROJECT_ID", "/pubsubPollers/0/subscriptionId",
                "/pubsubPollers/1/moduleId", "/pubsubPollers/1/projectId", "/pubsubPollers/1/subscriptionId"), pointers);
    }

    @Test
    void twoPollersOnOneSubscriptionAndATimeoutLongerThanTheIntervalAreWarnings() {
        ValidationResult result = check("""
                {"pubsubPollers": [
                  {"moduleId": "a", "gcpCredentialsSecretName": "s", "projectId": "proj-one", "subscriptionId": "sub",
                   "schedule": "rate(1 minute)", "timeout": 300},
                  {"moduleId": "b", "gcpCredentialsSecretName": "s", "projectId": "proj-one", "subscriptionId": "sub",
                   "enabled": true}]}
                """);
        assertTrue(result.isValid(), result.toString());
        List<String> pointers = result.warnings().stream().map(ValidationResult.Problem::pointer).toList();
        assertEquals(List.of("/pubsubPollers/0/timeout", "/pubsubPollers/1"), pointers);
    }

    @Test
    void aDisabledPollerIsNotChecked() {
        assertTrue(check("{\"pubsubPollers\": [{\"enabled\": false, \"moduleId\": \"a\", \"gcpCredentialsSecretName\": \"s\"}]}")
                .problems().isEmpty());
    }
}
