package dev.slk.stack.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.stack.testing.Stacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The stack of the bundled example config, one test per resource concern. */
class ExampleStackTest {
    private static Template template;
    private static String json;

    @BeforeAll
    static void synthesize() throws Exception {
        template = Stacks.template(Stacks.exampleYaml());
        json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(template.toJSON());
    }

    @Test
    void sharedKeyRotatesWithConfiguredAliasAndWindowAndIsDestroyableOutsideProd() {
        template.hasResource("AWS::KMS::Key", Map.of(
                "Properties", Match.objectLike(Map.of("EnableKeyRotation", true, "PendingWindowInDays", 30)),
                "DeletionPolicy", "Delete"));
        template.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/security-lake-integration"));
    }

    @Test
    void keyPolicyGrantsToServicesAreConfinedToThisAccount() {
        Object logs = Match.objectLike(Map.of("Sid", "AllowCloudWatchLogsOfThisAccount",
                "Condition", Match.objectLike(Map.of("ArnLike", Match.anyValue()))));
        Object alarms = Match.objectLike(Map.of("Sid", "AllowCloudWatchAlarmsOfThisAccount",
                "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("KeyPolicy",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(logs, alarms)))))));
    }

    @Test
    void everyQueueIsEncryptedWithTheSharedKey() {
        Map<String, Map<String, Object>> queues = template.findResources("AWS::SQS::Queue");
        assertEquals(5, queues.size(), "event queue, ASFF queue, their DLQs, the custom source provider's DLQ");
        template.allResourcesProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(sharedKeyId(), "Arn")))));
    }

    @Test
    void eventAndAsffQueuesRedriveToTheirDeadLetterQueuesAtMaxReceiveCount() {
        for (String queue : List.of("security-lake-integration-event-queue-dev",
                "security-lake-integration-asff-queue-dev")) {
            template.hasResourceProperties("AWS::SQS::Queue", Map.of("QueueName", queue,
                    "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 3)),
                    "VisibilityTimeout", 360));
        }
    }

    @Test
    void everyQueuePolicyDeniesRequestsWithoutTls() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::SQS::QueuePolicy");
        assertEquals(5, policies.size());
        template.allResourcesProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void coreFunctionsAreJava21Arm64WithConfiguredMemoryTimeoutAndConcurrency() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "security-lake-integration-event-transformer-dev",
                "Runtime", "java21", "Architectures", List.of("arm64"), "MemorySize", 512, "Timeout", 60,
                "ReservedConcurrentExecutions", 10,
                "Handler", "dev.slk.lambda.transformer.EventTransformerHandler::handleRequest")));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "security-lake-integration-securityhub-processor-dev",
                "Runtime", "java21", "Architectures", List.of("arm64"), "MemorySize", 256,
                "ReservedConcurrentExecutions", 5)));
    }

    @Test
    void consumersUsePartialBatchResponsesWithConfiguredBatching() {
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 2);
        template.allResourcesProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"), "BatchSize", 10,
                "MaximumBatchingWindowInSeconds", 5)));
    }

    @Test
    void eachFunctionHasItsOwnRoleWithoutManagedPolicies() {
        Map<String, Map<String, Object>> roles = template.findResources("AWS::IAM::Role");
        assertEquals(3, roles.size(), "transformer, Security Hub processor, custom source provider");
        roles.values().forEach(role -> assertFalse(
                ((Map<?, ?>) role.get("Properties")).containsKey("ManagedPolicyArns"), role.toString()));
    }

    @Test
    void transformerMayWriteOnlyUnderTheCustomSourcePrefix() {
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "WriteCustomSourceObjects", "Action", "s3:PutObject",
                        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":s3:::aws-security-data-lake-ca-central-1-abcdefghijklmnopqrstuvwxyz0123/ext/*")))
                )))))))));
    }

    @Test
    void logGroupsKeepTheConfiguredRetentionAndAreEncrypted() {
        template.resourceCountIs("AWS::Logs::LogGroup", 3);
        template.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 90,
                "KmsKeyId", Map.of("Fn::GetAtt", List.of(sharedKeyId(), "Arn")))));
    }

    @Test
    void alarmsWatchDeadLetterDepthErrorRateAndMessageAgeAndNotifyTheTopic() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "security-lake-integration-event-dlq-depth-dev", "Threshold", 1,
                "MetricName", "ApproximateNumberOfMessagesVisible", "Period", 300)));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "security-lake-integration-event-transformer-error-rate-dev", "Threshold", 0.05,
                "EvaluationPeriods", 2, "DatapointsToAlarm", 2,
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Expression", "IF(invocations > 0, errors / invocations, 0)")))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "security-lake-integration-event-queue-oldest-message-age-dev", "Threshold", 600,
                "MetricName", "ApproximateAgeOfOldestMessage")));
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmActions", List.of(Map.of("Ref", topicId())))));
    }

    @Test
    void alarmTopicIsEncryptedWithTheSharedKeyAndMailsTheConfiguredAddresses() {
        template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of(
                "TopicName", "security-lake-integration-security-lake-alerts-dev",
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(sharedKeyId(), "Arn")))));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email",
                "Endpoint", "security-team@example.com", "TopicArn", Map.of("Ref", topicId())));
    }

    @Test
    void customSourcesAreRegisteredWithTheExternalIdPassedByReferenceOnly() {
        template.hasResourceProperties("Custom::SecurityLakeCustomLogSources", Match.objectLike(Map.of(
                "ExternalIdRef", "secretsmanager:security-lake-integration/external-id",
                "Sources", List.of(Map.of("sourceName", "slkSecurityEvents", "sourceVersion", "1.0",
                        "eventClasses", List.of("SECURITY_FINDING", "DETECTION_FINDING", "VULNERABILITY_FINDING",
                                "COMPLIANCE_FINDING"))))));
        assertFalse(json.contains("\"ExternalId\""), "no property carries an external id value");
    }

    @Test
    void everyResourceCarriesTheConfiguredTagsAndNoTimestamp() {
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "Owner", "Value", "security-team"),
                Map.of("Key", "Product", "Value", "security-lake-integration"), Map.of("Key", "Source", "Value", "slk"))))));
        assertFalse(json.matches("(?s).*20\\d\\d-\\d\\d-\\d\\dT\\d\\d:.*"), "no timestamp anywhere");
    }

    @Test
    void outputsListNoModulesAndTheQueueAndKey() {
        Map<String, Map<String, Object>> outputs = template.findOutputs("*");
        assertEquals("none", outputs.get("EnabledModules").get("Value"));
        assertTrue(outputs.keySet().containsAll(List.of("EventQueueUrl", "EventQueueArn", "SharedKeyArn")),
                outputs.keySet().toString());
    }

    private static String sharedKeyId() {
        return template.findResources("AWS::KMS::Key").keySet().iterator().next();
    }

    private static String topicId() {
        return template.findResources("AWS::SNS::Topic").keySet().iterator().next();
    }
}
