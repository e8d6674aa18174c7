package dev.slk.stack.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.Configs;
import dev.slk.stack.testing.Stacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Each switch of the config, on the minimal config and variations of it. */
class VariantStackTest {

    @Test
    void minimalConfigBuildsTheDefaultsWithoutEmailSubscriptionsOrSecurityHub() {
        Template template = Stacks.template(Configs.MINIMAL);
        template.resourceCountIs("AWS::SQS::Queue", 3);
        template.resourceCountIs("AWS::Lambda::Function", 2);
        template.resourceCountIs("AWS::SNS::Subscription", 0);
        template.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 90)));
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of("QueueName", "demo-event-queue-dev",
                "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 3)))));
        assertTrue(template.findResources("AWS::CloudFormation::Stack").isEmpty());
    }

    @Test
    void awsOwnedKeysUseSqsManagedEncryptionAndTheAwsManagedSnsKey() {
        Template template = Stacks.template(Configs.minimalWith("""
                encryption:
                  keyType: AWS_OWNED_CMK
                """));
        template.resourceCountIs("AWS::KMS::Key", 0);
        template.allResourcesProperties("AWS::SQS::Queue", Match.objectLike(Map.of("SqsManagedSseEnabled", true)));
        Map<String, Map<String, Object>> topics = template.findResources("AWS::SNS::Topic");
        assertTrue(topics.values().iterator().next().toString().contains(":alias/aws/sns"), topics.toString());
        template.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("KmsKeyId", Match.absent())));
    }

    @Test
    void queuesMayOptOutOfTheSharedKey() {
        Template template = Stacks.template(Configs.minimalWith("""
                sqsQueue:
                  encryption:
                    useSharedKey: false
                """));
        for (String queue : List.of("demo-event-queue-dev", "demo-event-dlq-dev")) {
            template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of("QueueName", queue,
                    "SqsManagedSseEnabled", true, "KmsMasterKeyId", Match.absent())));
        }
    }

    @Test
    void productionRetainsTheKeyAndLogsAndProtectsTheStackAndAppliesItsOverrides() {
        String prod = Configs.minimalWith("""
                environment: prod
                production:
                  reservedConcurrentExecutions:
                    transformationLambda: 100
                """);
        CoreStack stack = Stacks.build(prod);
        assertTrue(stack.getTerminationProtection());
        assertEquals("demo-prod", stack.getStackName());
        Template template = Template.fromStack(stack);
        template.hasResource("AWS::KMS::Key", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
        template.allResources("AWS::Logs::LogGroup", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "demo-event-transformer-prod", "ReservedConcurrentExecutions", 100)));
    }

    @Test
    void devStacksAreNotTerminationProtected() {
        assertFalse(Stacks.build(Configs.MINIMAL).getTerminationProtection());
    }

    @Test
    void configuredRetentionAndThresholdsAreUsed() {
        Template template = Stacks.template(Configs.minimalWith("""
                monitoring:
                  cloudWatchLogs:
                    retentionDays: 365
                  alarms:
                    dlqAlarm:
                      threshold: 7
                      period: 60
                    sqsAgeAlarm:
                      enabled: false
                """));
        template.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 365)));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 7, "Period", 60)));
        assertTrue(template.findResources("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Properties",
                Match.objectLike(Map.of("MetricName", "ApproximateAgeOfOldestMessage"))))).isEmpty());
    }

    @Test
    void disabledMonitoringBuildsNoTopicAndNoAlarms() {
        Template template = Stacks.template(Configs.minimalWith("""
                monitoring:
                  enabled: false
                """));
        template.resourceCountIs("AWS::SNS::Topic", 0);
        template.resourceCountIs("AWS::CloudWatch::Alarm", 0);
        template.resourceCountIs("AWS::Logs::LogGroup", 0);
    }

    @Test
    void userEnvironmentReachesTheFunctionAndTheStackStillRefusesSlksVariablesPastValidation() {
        Template template = Stacks.template(Configs.minimalWith("""
                coreProcessing:
                  eventTransformer:
                    environment:
                      LOG_SAMPLE_RATE: '0.1'
                """));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Environment",
                Map.of("Variables", Match.objectLike(Map.of("LOG_SAMPLE_RATE", "0.1",
                        "SECURITY_LAKE_BUCKET", "aws-security-data-lake-us-east-1-abcdefghijklmnopqrstuvwxyz0123"))))));
        StackConfigurationException e = assertThrows(StackConfigurationException.class,
                () -> Stacks.build(Stacks.bindWithoutRules(Configs.minimalWith("""
                        coreProcessing:
                          eventTransformer:
                            environment:
                              SECURITY_LAKE_BUCKET: elsewhere
                        """))));
        assertEquals("coreProcessing.eventTransformer.environment.SECURITY_LAKE_BUCKET is set by slk; remove it "
                + "from the config", e.getMessage());
    }

    @Test
    void aCoreFunctionRefusesAVariableThatLooksLikeASecretAsModuleFunctionsDo() {
        StackConfigurationException e = assertThrows(StackConfigurationException.class,
                () -> Stacks.build(Stacks.bindWithoutRules(Configs.minimalWith("""
                        coreProcessing:
                          eventTransformer:
                            environment:
                              API_TOKEN: abcd
                        """))));
        assertEquals("coreProcessing.eventTransformer.environment.API_TOKEN: environment variable API_TOKEN looks "
                + "like it holds a secret; environment variables are visible to anyone who can read the function's "
                + "configuration: store the value in Secrets Manager and pass its name in a variable ending in _NAME",
                e.getMessage());
    }

    @Test
    void aLiteralExternalIdPastValidationIsRefusedRatherThanWrittenIntoTheTemplate() {
        StackConfigurationException e = assertThrows(StackConfigurationException.class,
                () -> Stacks.build(Stacks.bindWithoutRules(Configs.minimalWith("""
                        securityLake:
                          s3Bucket: aws-security-data-lake-us-east-1-abcdefghijklmnopqrstuvwxyz0123
                          externalId: Zq8wLr2Xv9Tn
                          serviceRole: SecurityLakeGlueCrawler
                        """))));
        assertTrue(e.getMessage().startsWith("securityLake.externalId must be a reference"), e.getMessage());
        assertFalse(e.getMessage().contains("Zq8w"));
    }

    @Test
    void anSsmExternalIdIsReadFromItsParameterOnly() {
        Template template = Stacks.template(Configs.minimalWith("""
                securityLake:
                  s3Bucket: aws-security-data-lake-us-east-1-abcdefghijklmnopqrstuvwxyz0123
                  externalId: ssm:/demo/external-id
                  serviceRole: SecurityLakeGlueCrawler
                """));
        Object statement = Match.objectLike(Map.of("Sid", "ReadExternalId", "Action", "ssm:GetParameter",
                "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":parameter/demo/external-id"))))));
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(statement)))))));
    }

    @Test
    void securityLakeSwitchedOffBuildsNeitherSourcesNorTransformer() {
        Template template = Stacks.template(Configs.minimalWith("""
                securityLake:
                  enabled: false
                """));
        template.resourceCountIs("Custom::SecurityLakeCustomLogSources", 0);
        template.resourceCountIs("AWS::Lambda::Function", 0);
        template.resourceCountIs("AWS::SQS::Queue", 2);
    }

    @Test
    void aNameTooLongForLambdaPastValidationFailsAtSynthesisNamingTheKey() {
        ResourceNames.InvalidResourceNameException e = assertThrows(ResourceNames.InvalidResourceNameException.class,
                () -> Stacks.build(Stacks.bindWithoutRules(Configs.minimalWith("""
                        projectName: a-project-name-long-enough-to-break-lambda-limits
                        """))));
        assertEquals("'a-project-name-long-enough-to-break-lambda-limits-custom-sources-dev' (from "
                + "projectName) is not valid as a Lambda function name: letters, digits, '-' and '_', at most 64",
                e.getMessage());
    }
}
