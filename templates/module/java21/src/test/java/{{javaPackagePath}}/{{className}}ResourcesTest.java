/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.kit.ModuleFunction;
import dev.slk.spi.PermissionStatement;
import java.util.ArrayList;
import java.util.HashMap;
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

/** The module's resources as the framework will synthesize them: one synthesis, one test per concern. */
class {{className}}ResourcesTest {
    private static final String CONFIG = """
            {"credentialsSecretName": "{{secretName}}", "sourceUrl": "https://api.example.com/v1/events",
             "eventProcessor": {"enabled": true, "schedule": "rate(10 minutes)", "memorySize": 1024, "timeout": 60,
                                "reservedConcurrentExecutions": 1, "logLevel": "DEBUG",
                                "environment": {"TENANT_SECRET_NAME": "tenant-id"}}}
            """;

    private static TestCore.Deployment keyed;
    private static TestCore.Deployment plain;
    private static TestCore.Deployment disabled;
    private static Template keyedTemplate;
    private static Template plainTemplate;
    private static Template disabledTemplate;
    private static JsonNode keyedJson;

    @BeforeAll
    static void synthesize() {
        App app = new App();
        keyed = TestCore.deploy(app, "Keyed", true, TestCore.config(CONFIG));
        plain = TestCore.deploy(app, "Plain", false, TestCore.config(CONFIG));
        disabled = TestCore.deploy(app, "Disabled", true,
                TestCore.config("{\"credentialsSecretName\": \"x\", \"sourceUrl\": \"https://x.example\", "
                        + "\"eventProcessor\": {\"enabled\": false}}"));
        CloudAssembly assembly = app.synth();
        keyedTemplate = Template.fromJSON(map(assembly.getStackByName("Keyed").getTemplate()));
        plainTemplate = Template.fromJSON(map(assembly.getStackByName("Plain").getTemplate()));
        disabledTemplate = Template.fromJSON(map(assembly.getStackByName("Disabled").getTemplate()));
        keyedJson = TestCore.JSON.valueToTree(assembly.getStackByName("Keyed").getTemplate());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object template) {
        return (Map<String, Object>) template;
    }

    @Test
    void functionIsJava21OnArm64WithTheConfiguredLimits() {
        keyedTemplate.resourceCountIs("AWS::Lambda::Function", 1);
        keyedTemplate.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "Handler", {{className}}.HANDLER,
                "MemorySize", 1024,
                "Timeout", 60,
                "ReservedConcurrentExecutions", 1)));
    }

    @Test
    void environmentCarriesTheSecretNameAndNoSecretValue() {
        JsonNode variables = resources("AWS::Lambda::Function").get(0).at("/Properties/Environment/Variables");
        Set<String> names = new TreeSet<>();
        variables.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("CREDENTIALS_SECRET_NAME", "EVENT_QUEUE_URL", "MODULE_ID",
                "POWERTOOLS_LOG_LEVEL", "POWERTOOLS_SERVICE_NAME", "SOURCE_URL", "TENANT_SECRET_NAME")), names);
        assertEquals("{{secretName}}", variables.path("CREDENTIALS_SECRET_NAME").asText());
        assertEquals("{{moduleId}}", variables.path("MODULE_ID").asText());
        assertEquals("DEBUG", variables.path("POWERTOOLS_LOG_LEVEL").asText());
        assertEquals(ref(keyed.logicalId(keyed.eventQueue())), variables.path("EVENT_QUEUE_URL"));
    }

    @Test
    void roleIsTheFunctionsOwnAndHasNoManagedPolicy() {
        keyedTemplate.resourceCountIs("AWS::IAM::Role", 1);
        keyedTemplate.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Action", "sts:AssumeRole",
                        "Principal", Map.of("Service", "lambda.amazonaws.com")))))),
                "ManagedPolicyArns", Match.absent())));
        String role = logicalIdOf("AWS::IAM::Role");
        assertEquals(getAtt(role, "Arn"), resources("AWS::Lambda::Function").get(0).at("/Properties/Role"));
    }

    @Test
    void roleMayReadOnlyItsSecretSendOnlyToTheEventQueueAndUseOnlyTheSharedKey() {
        Map<String, JsonNode> byAction = statementsByAction(keyedJson);
        assertEquals(Set.of("secretsmanager:GetSecretValue", "sqs:SendMessage", "kms:Decrypt,kms:GenerateDataKey",
                "logs:CreateLogStream,logs:PutLogEvents", "sqs:SendMessage (dead letters)"), byAction.keySet());
        String secret = byAction.get("secretsmanager:GetSecretValue").toString();
        assertTrue(secret.contains(":secret:{{secretName}}-??????"), secret);
        assertEquals(getAtt(keyed.logicalId(keyed.eventQueue()), "Arn"), byAction.get("sqs:SendMessage"));
        assertEquals(getAtt(keyed.logicalId(keyed.sharedKey()), "Arn"), byAction.get("kms:Decrypt,kms:GenerateDataKey"));
        assertEquals(getAtt(logicalIdOf("AWS::Logs::LogGroup"), "Arn"),
                byAction.get("logs:CreateLogStream,logs:PutLogEvents"));
        assertEquals(getAtt(logicalIdOf("AWS::SQS::Queue", "{{idPascal}}"), "Arn"),
                byAction.get("sqs:SendMessage (dead letters)"));
    }

    @Test
    void statementIdsAreValidForIam() {
        for (PermissionStatement statement : keyed.statements()) {
            assertTrue(statement.sid().matches("[A-Za-z0-9]+"), statement.sid());
            assertTrue(statement.sid().startsWith("{{idPascal}}"), statement.sid());
        }
    }

    @Test
    void withoutASharedKeyNoKeyIsGrantedAndTheDeadLetterQueueUsesSqsEncryption() {
        Map<String, JsonNode> byAction = statementsByAction(TestCore.JSON.valueToTree(plainTemplate.toJSON()));
        assertFalse(byAction.containsKey("kms:Decrypt,kms:GenerateDataKey"), byAction.toString());
        plainTemplate.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1_209_600)));
    }

    @Test
    void scheduleRunsTheFunction() {
        keyedTemplate.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(10 minutes)",
                "State", "ENABLED",
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Fn::GetAtt", List.of(logicalIdOf("AWS::Lambda::Function"), "Arn"))))))));
    }

    @Test
    void failedAsynchronousInvocationsGoToAnEncryptedDeadLetterQueue() {
        String dlq = logicalIdOf("AWS::SQS::Queue", "{{idPascal}}");
        keyedTemplate.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "DeadLetterConfig", Map.of("TargetArn", Map.of("Fn::GetAtt", List.of(dlq, "Arn"))))));
        keyedTemplate.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of(
                "MaximumRetryAttempts", 2)));
        assertEquals(getAtt(keyed.logicalId(keyed.sharedKey()), "Arn"),
                keyedJson.at("/Resources/" + dlq + "/Properties/KmsMasterKeyId"));
    }

    @Test
    void logGroupKeepsLogsForTheConfiguredRetentionEncryptedWithTheSharedKey() {
        assertEquals(getAtt(keyed.logicalId(keyed.sharedKey()), "Arn"),
                keyedJson.at("/Resources/" + logicalIdOf("AWS::Logs::LogGroup") + "/Properties/KmsKeyId"));
        keyedTemplate.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "RetentionInDays", TestCore.RETENTION_DAYS,
                "LogGroupName", "/slk/demo-dev/{{moduleId}}/event-processor")));
        keyedTemplate.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", logicalIdOf("AWS::Logs::LogGroup"))))));
    }

    @Test
    @SuppressWarnings("deprecation") // Annotations still reports cdk-nag's findings as cxapi.SynthesisMessage.
    void awsSolutionsRulesFindNothing() {
        for (TestCore.Deployment deployment : List.of(keyed, plain)) {
            List<String> errors = Annotations.fromStack(deployment.stack())
                    .findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream().map(m -> m.getId() + ": "
                            + m.getEntry().getData()).toList();
            List<String> warnings = Annotations.fromStack(deployment.stack())
                    .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream().map(m -> m.getId() + ": "
                            + m.getEntry().getData()).toList();
            assertTrue(errors.isEmpty(), String.join("\n", errors));
            assertTrue(warnings.isEmpty(), String.join("\n", warnings));
        }
    }

    @Test
    void theOnlyRuleSetAsideIsTheNewestRuntimeAndItSaysWhy() {
        JsonNode function = resources("AWS::Lambda::Function").get(0);
        JsonNode suppressed = function.at("/Metadata/cdk_nag/rules_to_suppress");
        assertEquals(1, suppressed.size(), suppressed.toString());
        assertEquals("AwsSolutions-L1", suppressed.get(0).path("id").asText());
        assertEquals(ModuleFunction.JAVA_RUNTIME_REASON, suppressed.get(0).path("reason").asText());
    }

    @Test
    void disabledEventProcessorCreatesNothing() {
        disabledTemplate.resourceCountIs("AWS::Lambda::Function", 0);
        disabledTemplate.resourceCountIs("AWS::IAM::Role", 0);
        assertTrue(disabled.statements().isEmpty());
        assertTrue(disabled.module().outputs(disabled.created()).isEmpty());
        assertTrue(disabled.module().healthChecks(disabled.created()).isEmpty());
    }

    @Test
    void outputsAndHealthChecksNameTheFunctionAndItsDeadLetterQueue() {
        assertEquals(List.of("EventProcessorFunctionName", "EventProcessorDeadLetterQueueUrl"),
                keyed.module().outputs(keyed.created()).stream().map(o -> o.name()).toList());
        assertEquals(List.of("event-processor-errors", "event-processor-throttles", "event-processor-dead-letters"),
                keyed.module().healthChecks(keyed.created()).stream().map(h -> h.name()).toList());
    }

    private static List<JsonNode> resources(String type) {
        List<JsonNode> found = new ArrayList<>();
        keyedJson.path("Resources").forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                found.add(r);
            }
        });
        return found;
    }

    private static String logicalIdOf(String type) {
        return logicalIdOf(type, "");
    }

    /** The one resource of the type whose logical id starts with the prefix (the module's scope). */
    private static String logicalIdOf(String type, String prefix) {
        List<String> ids = new ArrayList<>();
        keyedJson.path("Resources").properties().forEach(e -> {
            if (type.equals(e.getValue().path("Type").asText()) && e.getKey().startsWith(prefix)) {
                ids.add(e.getKey());
            }
        });
        assertEquals(1, ids.size(), type + " " + prefix + ": " + ids);
        return ids.get(0);
    }

    /**
     * Every statement of the module role's policies, keyed by its actions; the dead-letter statement
     * CDK adds for the function's DLQ is keyed with a suffix. Each statement must name exactly one
     * resource and no wildcard.
     */
    private static Map<String, JsonNode> statementsByAction(JsonNode template) {
        Map<String, JsonNode> byAction = new HashMap<>();
        template.path("Resources").forEach(resource -> {
            if (!"AWS::IAM::Policy".equals(resource.path("Type").asText())) {
                return;
            }
            for (JsonNode statement : resource.at("/Properties/PolicyDocument/Statement")) {
                assertEquals("Allow", statement.path("Effect").asText());
                List<String> actions = new ArrayList<>();
                if (statement.path("Action").isArray()) {
                    statement.path("Action").forEach(a -> actions.add(a.asText()));
                } else {
                    actions.add(statement.path("Action").asText());
                }
                JsonNode resourceNode = statement.path("Resource");
                assertFalse(resourceNode.isArray(), "one resource per statement: " + statement);
                assertFalse(resourceNode.toString().contains("*") || String.join(",", actions).contains("*"),
                        "no wildcard: " + statement);
                String key = String.join(",", actions);
                if (!statement.has("Sid") && key.equals("sqs:SendMessage")) {
                    key = "sqs:SendMessage (dead letters)";
                }
                byAction.put(key, resourceNode);
            }
        });
        return byAction;
    }

    private static JsonNode getAtt(String logicalId, String attribute) {
        ObjectNode node = TestCore.JSON.createObjectNode();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }

    private static JsonNode ref(String logicalId) {
        return TestCore.JSON.createObjectNode().put("Ref", logicalId);
    }
}
