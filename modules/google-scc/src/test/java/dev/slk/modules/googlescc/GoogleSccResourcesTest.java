/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.HealthCheck;
import dev.slk.spi.PermissionStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** The module's resources for the reference framework's two-poller example: one synthesis, one test per concern. */
class GoogleSccResourcesTest {
    static final String CONFIG = """
            {"pubsubPollers": [
              {"enabled": true, "moduleId": "scc-findings", "memorySize": 512, "timeout": 300,
               "reservedConcurrentExecutions": 1, "schedule": "rate(5 minutes)",
               "gcpCredentialsSecretName": "gcp-scc-findings-credentials", "maxMessagesPerPull": 500,
               "maxMessagesPerRun": 20000, "ackDeadlineSeconds": 60,
               "environment": {"LOGGING_LEVEL": "INFO", "GCP_PROJECT_ID": "my-gcp-project-scc",
                               "GCP_SUBSCRIPTION_ID": "scc-findings-subscription"}},
              {"enabled": true, "moduleId": "vpc-flow-logs", "memorySize": 1024, "timeout": 120,
               "reservedConcurrentExecutions": 1, "schedule": "rate(5 minutes)", "projectId": "my-gcp-project-vpc",
               "subscriptionId": "vpc-flow-logs-subscription", "gcpCredentialsSecretName": "gcp-vpc-flow-logs-credentials",
               "maxMessagesPerPull": 1000, "maxMessagesPerRun": 5000, "ackDeadlineSeconds": 120},
              {"enabled": false, "moduleId": "off", "gcpCredentialsSecretName": "unused"}],
             "secretsManager": {"gcpCredentialsSecrets": [
              {"secretName": "gcp-scc-findings-credentials", "description": "SCC credential", "create": true,
               "secretTemplate": {"type": "service_account", "private_key": "PLACEHOLDER_PRIVATE_KEY",
                                  "project_id": "PLACEHOLDER_PROJECT_ID"}},
              {"secretName": "gcp-vpc-flow-logs-credentials", "create": false}]}}
            """;

    private static TestCore.Deployment keyed;
    private static Template template;
    private static JsonNode json;
    private static Template plain;
    private static TestCore.Deployment plainDeployment;

    @BeforeAll
    static void synthesize() {
        App app = new App();
        keyed = TestCore.deploy(app, "Keyed", true, TestCore.json(CONFIG));
        plainDeployment = TestCore.deploy(app, "Plain", false, TestCore.json(CONFIG));
        CloudAssembly assembly = app.synth();
        template = Template.fromJSON(map(assembly.getStackByName("Keyed").getTemplate()));
        plain = Template.fromJSON(map(assembly.getStackByName("Plain").getTemplate()));
        json = TestCore.JSON.valueToTree(assembly.getStackByName("Keyed").getTemplate());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object template) {
        return (Map<String, Object>) template;
    }

    @Test
    void eachEnabledPollerIsAJava21Arm64FunctionWithItsOwnLimits() {
        template.resourceCountIs("AWS::Lambda::Function", 2);
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "java21", "Architectures", List.of("arm64"), "Handler", GoogleSccModule.HANDLER,
                "MemorySize", 512, "Timeout", 300, "ReservedConcurrentExecutions", 1)));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "MemorySize", 1024, "Timeout", 120)));
        assertEquals(Set.of("PollerSccFindings", "PollerVpcFlowLogs"), keyed.created().functions().keySet());
    }

    @Test
    void projectAndSubscriptionComeFromTheConfigInEitherForm() {
        List<JsonNode> variables = new ArrayList<>();
        resources("AWS::Lambda::Function").forEach(f -> variables.add(f.at("/Properties/Environment/Variables")));
        Set<String> subscriptions = new TreeSet<>();
        for (JsonNode v : variables) {
            subscriptions.add(v.path("GCP_PROJECT_ID").asText() + "/" + v.path("GCP_SUBSCRIPTION_ID").asText());
            assertEquals("google-scc", v.path("MODULE_ID").asText());
        }
        assertEquals(Set.of("my-gcp-project-scc/scc-findings-subscription",
                "my-gcp-project-vpc/vpc-flow-logs-subscription"), subscriptions);
        JsonNode scc = variables.stream().filter(v -> v.path("POLLER_ID").asText().equals("scc-findings")).findFirst()
                .orElseThrow();
        assertEquals("INFO", scc.path("POWERTOOLS_LOG_LEVEL").asText());
        assertEquals("gcp-scc-findings-credentials", scc.path("CREDENTIALS_SECRET_NAME").asText());
        assertEquals("500", scc.path("MAX_MESSAGES_PER_PULL").asText());
        assertFalse(scc.has("LOGGING_LEVEL"), scc.toString());
    }

    @Test
    void eachRoleReadsOnlyItsOwnSecretAndSendsOnlyToTheEventQueue() {
        Map<String, List<String>> secretsByFunction = new java.util.TreeMap<>();
        for (PermissionStatement s : keyed.statements()) {
            assertTrue(s.sid().matches("[A-Za-z0-9]+"), s.sid());
            if (s.actions().contains("secretsmanager:GetSecretValue")) {
                secretsByFunction.put(s.function(), s.resources());
            }
        }
        assertEquals(2, secretsByFunction.size());
        assertTrue(secretsByFunction.get("PollerSccFindings").get(0).endsWith(":secret:gcp-scc-findings-credentials-??????"));
        assertTrue(secretsByFunction.get("PollerVpcFlowLogs").get(0).endsWith(":secret:gcp-vpc-flow-logs-credentials-??????"));
        template.resourceCountIs("AWS::IAM::Role", 2);
        long sends = keyed.statements().stream().filter(s -> s.actions().equals(List.of("sqs:SendMessage"))).count();
        assertEquals(2, sends);
        long keys = keyed.statements().stream().filter(s -> s.actions().contains("kms:Decrypt")).count();
        assertEquals(2, keys);
    }

    @Test
    void aCreatedSecretHasNoValueAndNothingOfTheSecretTemplate() {
        template.resourceCountIs("AWS::SecretsManager::Secret", 1);
        JsonNode secret = resources("AWS::SecretsManager::Secret").get(0).path("Properties");
        assertEquals("gcp-scc-findings-credentials", secret.path("Name").asText());
        assertFalse(secret.has("SecretString"), secret.toString());
        assertFalse(secret.has("GenerateSecretString"), secret.toString());
        assertTrue(secret.has("KmsKeyId"), secret.toString());
        assertFalse(json.toString().contains("PLACEHOLDER"), "a secretTemplate value reached the template");
    }

    @Test
    void eachPollerHasAScheduleADeadLetterQueueAndALogGroup() {
        template.resourceCountIs("AWS::Events::Rule", 2);
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("ScheduleExpression", "rate(5 minutes)")));
        template.resourceCountIs("AWS::Logs::LogGroup", 2);
        template.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "LogGroupName", "/slk/demo-dev/google-scc/poller-scc-findings", "RetentionInDays", 90)));
        // Two event queues of the stand-in core plus one dead-letter queue per poller.
        template.resourceCountIs("AWS::SQS::Queue", 4);
    }

    @Test
    void eachPollerHasErrorsThrottlesDeadLettersAndBacklogAlarms() {
        List<HealthCheck> checks = new GoogleSccModule().healthChecks(keyed.created());
        Set<String> names = new TreeSet<>();
        checks.forEach(c -> names.add(c.name()));
        assertEquals(Set.of("poller-scc-findings-errors", "poller-scc-findings-throttles",
                "poller-scc-findings-dead-letters", "poller-scc-findings-backlog", "poller-vpc-flow-logs-errors",
                "poller-vpc-flow-logs-throttles", "poller-vpc-flow-logs-dead-letters", "poller-vpc-flow-logs-backlog"),
                names);
        HealthCheck backlog = checks.stream().filter(c -> c.name().endsWith("-backlog")).findFirst().orElseThrow();
        assertEquals(GoogleSccModule.METRIC_NAMESPACE, backlog.namespace());
        assertEquals(GoogleSccModule.BACKLOG_METRIC, backlog.metricName());
        assertEquals(2, new GoogleSccModule().outputs(keyed.created()).size());
    }

    @Test
    void cdkNagFindsNothingWithOrWithoutASharedKey() {
        for (TestCore.Deployment d : List.of(keyed, plainDeployment)) {
            Annotations.fromStack(d.stack()).hasNoError("*", Match.anyValue());
            Annotations.fromStack(d.stack()).hasNoWarning("*", Match.anyValue());
        }
        plain.resourceCountIs("AWS::SecretsManager::Secret", 1);
    }

    @Test
    void noEnabledPollerBuildsNoFunction() {
        App app = new App();
        TestCore.Deployment none = TestCore.deploy(app, "None", true, TestCore.json(
                "{\"pubsubPollers\": [{\"enabled\": false, \"moduleId\": \"a\", \"gcpCredentialsSecretName\": \"s\"}]}"));
        assertTrue(none.created().isEmpty());
        assertTrue(none.statements().isEmpty());
        assertTrue(new GoogleSccModule().healthChecks(none.created()).isEmpty());
    }

    private static List<JsonNode> resources(String type) {
        List<JsonNode> found = new ArrayList<>();
        json.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                found.add(r);
            }
        });
        return found;
    }
}
