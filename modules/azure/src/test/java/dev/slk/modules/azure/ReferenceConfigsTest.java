/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference framework's configs: its azure module's example (inside slk's bundled example,
 * shared key on) and its project example (azure enabled, AWS-owned keys in dev) validate unchanged
 * without errors, and synthesize cdk-nag clean with the resources the module promises (the project
 * example with its literal external id replaced by a reference, which slk's core requires).
 */
class ReferenceConfigsTest {
    private static String moduleExample;
    private static Slk.Synthesis keyed;
    private static Slk.Synthesis plain;
    private static Slk.Synthesis prod;

    @BeforeAll
    static void synthesize() {
        moduleExample = Slk.bundledExampleWith(Slk.reference("azure.config.example.yaml"));
        keyed = Slk.synth(moduleExample);
        // The one change synth needs, and not the module's: slk refuses a literal external id.
        plain = Slk.synth(Slk.reference("config.example.yaml").replace("externalId: REPLACE_WITH_SECURE_RANDOM_STRING",
                "externalId: secretsmanager:security-lake/external-id"));
        prod = Slk.synth(moduleExample.replace("environment: dev ", "environment: prod"));
    }

    @Test
    void bothReferenceConfigsValidateWithWarningsThatNameTheUnusedKeys() {
        ValidationReport module = Slk.validate(moduleExample);
        assertTrue(module.valid(), module.errors().toString());
        assertTrue(module.modulesChecked().contains("azure"), module.modulesChecked().toString());
        Set<String> pointers = new TreeSet<>();
        module.warnings().stream().filter(f -> f.ruleId().equals("module.azure")).map(Finding::message)
                .forEach(pointers::add);
        assertEquals(4, pointers.size(), pointers.toString());
        for (String key : List.of("flowLogProcessor", "secretsManager.flowLogsSecret",
                "secretsManager.eventHubSecret.secretTemplate", "checkpointStore.ttl")) {
            assertTrue(pointers.stream().anyMatch(message -> message.startsWith(key + " ")), key + ": " + pointers);
        }
        ValidationReport project = Slk.validate(Slk.reference("config.example.yaml"));
        assertTrue(project.valid(), project.errors().toString());
    }

    @Test
    void synthesisIsCdkNagClean() {
        for (Slk.Synthesis synthesis : List.of(keyed, plain, prod)) {
            assertEquals(0, synthesis.summary().nagErrors(), synthesis.summary().nagFindings().toString());
            assertEquals(0, synthesis.summary().nagWarnings(), synthesis.summary().nagFindings().toString());
        }
    }

    @Test
    void theFunctionIsJava21OnArm64WithTheReferenceSettings() {
        JsonNode function = processor(keyed);
        assertEquals("java21", function.at("/Properties/Runtime").asText());
        assertEquals("arm64", function.at("/Properties/Architectures/0").asText());
        assertEquals(AzureModule.HANDLER, function.at("/Properties/Handler").asText());
        assertEquals(512, function.at("/Properties/MemorySize").asInt());
        assertEquals(300, function.at("/Properties/Timeout").asInt());
        assertEquals(1, function.at("/Properties/ReservedConcurrentExecutions").asInt());
        assertEquals("security-lake-integration-azure-eventhub-processor-dev",
                function.at("/Properties/FunctionName").asText());
        JsonNode variables = function.at("/Properties/Environment/Variables");
        assertEquals("azure-eventhub-credentials", variables.path("CREDENTIALS_SECRET_NAME").asText());
        assertEquals("latest", variables.path("START_POSITION").asText());
        assertEquals("240", variables.path("MAX_SECONDS").asText());
        assertEquals("INFO", variables.path("LOGGING_LEVEL").asText(), "the user's variable is kept");
    }

    @Test
    void nothingOfTheSecretTemplateEntersTheTemplateAndTheSecretHasNoValue() {
        for (Slk.Synthesis synthesis : List.of(keyed, plain, prod)) {
            assertFalse(synthesis.templateText().contains("PLACEHOLDER"), "a secretTemplate value is in the template");
            assertFalse(synthesis.templateText().contains("SharedAccessKey"));
        }
        List<JsonNode> secrets = resources(keyed, "AWS::SecretsManager::Secret");
        assertEquals(1, secrets.size(), "create: true creates the secret");
        JsonNode properties = secrets.get(0).path("Properties");
        assertEquals("azure-eventhub-credentials", properties.path("Name").asText());
        assertFalse(properties.has("SecretString") || properties.has("GenerateSecretString"), properties.toString());
        assertTrue(properties.has("KmsKeyId"), "encrypted with the shared key");
        assertEquals(0, resources(plain, "AWS::SecretsManager::Secret").size(), "without create it is referenced");
    }

    @Test
    void theCheckpointTableIsOnDemandEncryptedWithoutTtlAndRecoverableInProd() {
        JsonNode table = resources(keyed, "AWS::DynamoDB::Table").get(0).path("Properties");
        assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText());
        assertEquals("security-lake-integration-azure-eventhub-checkpoint-store-dev", table.path("TableName").asText());
        assertEquals("KMS", table.at("/SSESpecification/SSEType").asText());
        assertTrue(table.at("/SSESpecification/KMSMasterKeyId").isObject(), "the shared key");
        assertFalse(table.has("TimeToLiveSpecification"), "checkpoints never expire");
        assertFalse(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean());
        JsonNode prodTable = resources(prod, "AWS::DynamoDB::Table").get(0);
        assertTrue(prodTable.at("/Properties/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                .asBoolean());
        assertEquals("Retain", prodTable.path("DeletionPolicy").asText());
        JsonNode plainTable = resources(plain, "AWS::DynamoDB::Table").get(0).path("Properties");
        assertTrue(plainTable.at("/SSESpecification/SSEEnabled").asBoolean(), "AWS-managed key without a shared key");
    }

    @Test
    void theRoleMayReadItsSecretWriteItsTableSendToTheQueueAndUseTheSharedKeyOnly() {
        Set<String> actions = new TreeSet<>();
        String role = processor(keyed).at("/Properties/Role/Fn::GetAtt/0").asText();
        for (JsonNode policy : resources(keyed, "AWS::IAM::Policy")) {
            if (policy.at("/Properties/Roles/0/Ref").asText().equals(role)) {
                policy.at("/Properties/PolicyDocument/Statement").forEach(statement -> {
                    JsonNode action = statement.path("Action");
                    (action.isArray() ? action : Slk.JSON.createArrayNode().add(action))
                            .forEach(a -> actions.add(a.asText()));
                });
            }
        }
        assertEquals(new TreeSet<>(List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "kms:Decrypt", "kms:GenerateDataKey", "logs:CreateLogStream", "logs:PutLogEvents",
                "secretsmanager:GetSecretValue", "sqs:SendMessage")), actions);
    }

    @Test
    void theScheduleTheDeadLetterQueueTheLogGroupAndTheAlarmsAreBuilt() {
        assertTrue(resources(keyed, "AWS::Events::Rule").stream().anyMatch(rule ->
                rule.at("/Properties/ScheduleExpression").asText().equals("rate(5 minutes)")));
        assertTrue(processor(keyed).at("/Properties/DeadLetterConfig/TargetArn").isObject());
        assertTrue(resources(keyed, "AWS::Logs::LogGroup").stream().anyMatch(group ->
                group.at("/Properties/LogGroupName").asText().equals(
                        "/slk/security-lake-integration-dev/azure/event-hub-processor")));
        Set<String> alarms = new TreeSet<>();
        resources(keyed, "AWS::CloudWatch::Alarm").forEach(a -> alarms.add(a.at("/Properties/AlarmName").asText()));
        for (String check : List.of("errors", "throttles", "dead-letters", "consumer-lag")) {
            assertTrue(alarms.contains("security-lake-integration-azure-event-hub-processor-" + check + "-dev"),
                    check + ": " + alarms);
        }
    }

    private static JsonNode processor(Slk.Synthesis synthesis) {
        return resources(synthesis, "AWS::Lambda::Function").stream()
                .filter(f -> f.at("/Properties/Handler").asText().equals(AzureModule.HANDLER)).findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> resources(Slk.Synthesis synthesis, String type) {
        List<JsonNode> found = new ArrayList<>();
        synthesis.template().path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
            }
        });
        return found;
    }
}
