package dev.slk.core.validation;

import static dev.slk.core.testing.Configs.byRule;
import static dev.slk.core.testing.Configs.describe;
import static dev.slk.core.testing.Configs.minimalWith;
import static dev.slk.core.testing.Configs.validate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.testing.Configs;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A passing and a failing configuration for every semantic rule. */
class ProjectRulesTest {

    @Test
    void minimalConfigurationHasNoFindings() {
        ValidationReport report = validate(Configs.MINIMAL);
        assertTrue(report.findings().isEmpty(), describe(report));
        assertTrue(report.config().isPresent());
    }

    static Stream<Arguments> failing() {
        return Stream.of(
                Arguments.of("environment", "environment: qa\n", Severity.HIGH, 1),
                Arguments.of("project-name", "projectName: Demo_Project\n", Severity.HIGH, 1),
                Arguments.of("project-name", "projectName: " + "a".repeat(65) + "\n", Severity.HIGH, 1),
                Arguments.of("region", "awsRegion: us-east-9\n", Severity.HIGH, 1),
                Arguments.of("security-lake.required", "securityLake:\n  enabled: true\n  s3Bucket: b\n  externalId: ssm:/x\n", Severity.HIGH, 1),
                Arguments.of("security-lake.source-name", lake("  - sourceName: bad name\n    eventClasses: [SECURITY_FINDING]\n"),
                        Severity.HIGH, 6),
                Arguments.of("security-lake.source-name", lake("  - sourceName: aVeryLongCustomSourceNameXYZ\n"
                        + "    eventClasses: [SECURITY_FINDING]\n"), Severity.HIGH, 6),
                Arguments.of("security-lake.source-unique", lake("  - sourceName: one\n    eventClasses: [SECURITY_FINDING]\n"
                        + "  - sourceName: one\n    eventClasses: [DETECTION_FINDING]\n"), Severity.HIGH, 8),
                Arguments.of("security-lake.event-class", lake("  - sourceName: one\n    eventClasses: [SECURITY_FINDNG]\n"),
                        Severity.HIGH, 7),
                Arguments.of("lambda.memory", "coreProcessing:\n  eventTransformer:\n    memorySize: 64\n", Severity.HIGH, 3),
                Arguments.of("lambda.memory", "coreProcessing:\n  securityHubProcessor:\n    memorySize: 10241\n",
                        Severity.HIGH, 3),
                Arguments.of("lambda.memory", "coreProcessing:\n  eventTransformer:\n    memorySize: 99999999999999999999\n",
                        Severity.HIGH, 3),
                Arguments.of("lambda.timeout", "coreProcessing:\n  eventTransformer:\n    timeout: 0\n"
                        + "sqsQueue:\n  visibilityTimeout: 6000\n", Severity.HIGH, 3),
                Arguments.of("lambda.timeout", "coreProcessing:\n  eventTransformer:\n    timeout: 901\n"
                        + "sqsQueue:\n  visibilityTimeout: 6000\n", Severity.HIGH, 3),
                Arguments.of("not-built", "cloudTrailEventDataStore:\n  enabled: true\n", Severity.MEDIUM, 2),
                Arguments.of("sqs.visibility-timeout", "sqsQueue:\n  visibilityTimeout: 30\n", Severity.HIGH, 2),
                Arguments.of("sqs.visibility-timeout", "sqsQueue:\n  visibilityTimeout: 120\n", Severity.MEDIUM, 2),
                Arguments.of("sqs.visibility-timeout", "securityHub:\n  enabled: true\n"
                        + "coreProcessing:\n  securityHubProcessor:\n    timeout: 400\n", Severity.HIGH, 0),
                Arguments.of("encryption.key-alias", "encryption:\n  keyAlias: alias/demo\n", Severity.HIGH, 2),
                Arguments.of("encryption.key-alias", "encryption:\n  keyAlias: aws/demo\n", Severity.HIGH, 2),
                Arguments.of("sqs.required", "sqsQueue:\n  enabled: false\nintegrations:\n  sample-source:\n"
                        + "    enabled: true\n    config:\n      credentialsSecretName: s\n", Severity.HIGH, 2),
                Arguments.of("lambda.environment", "coreProcessing:\n  eventTransformer:\n    environment:\n"
                        + "      SECURITY_LAKE_SOURCES: x\n", Severity.HIGH, 4),
                Arguments.of("lambda.environment", "coreProcessing:\n  securityHubProcessor:\n    environment:\n"
                        + "      AWS_REGION: eu-west-1\n", Severity.HIGH, 4),
                Arguments.of("resource-name", "projectName: " + "p".repeat(30) + "\ncoreProcessing:\n"
                        + "  eventTransformer:\n    functionName: " + "f".repeat(40) + "\n", Severity.HIGH, 4),
                Arguments.of("resource-name", "projectName: " + "p".repeat(60) + "\n", Severity.HIGH, 1),
                Arguments.of("placeholder", "environment: prod\nsecurityLake:\n  s3Bucket: REPLACE_WITH_BUCKET\n"
                        + "  externalId: secretsmanager:x\n  serviceRole: r\n", Severity.HIGH, 3),
                Arguments.of("placeholder", "securityLake:\n  s3Bucket: b\n  externalId: PLACEHOLDER_EXTERNAL_ID\n"
                        + "  serviceRole: r\n", Severity.MEDIUM, 3),
                Arguments.of("security-lake.external-id", "securityLake:\n  s3Bucket: b\n"
                        + "  externalId: 3f9a1c0de4b2a8c7e6f5\n  serviceRole: r\n", Severity.HIGH, 3),
                Arguments.of("security-lake.external-id", "securityLake:\n  s3Bucket: b\n"
                        + "  externalId: 'secretsmanager:bad name'\n  serviceRole: r\n", Severity.HIGH, 3),
                Arguments.of("alarm.datapoints", "monitoring:\n  alarms:\n    sqsAgeAlarm:\n      evaluationPeriods: 1\n"
                        + "      datapointsToAlarm: 2\n", Severity.HIGH, 5),
                Arguments.of("integration.unknown", "integrations:\n  okta:\n    enabled: true\n", Severity.HIGH, 2),
                Arguments.of("integration.unknown", "integrations:\n  okta:\n    enabled: false\n", Severity.MEDIUM, 2),
                Arguments.of("schedule", "integrations:\n  sample-source:\n    enabled: true\n    config:\n"
                        + "      credentialsSecretName: s\n      poller:\n        schedule: rate(1 minutes)\n", Severity.HIGH, 7),
                Arguments.of("schedule", "integrations:\n  sample-source:\n    enabled: true\n    config:\n"
                        + "      credentialsSecretName: s\n      poller:\n        schedule: cron(0 12 * * ?)\n", Severity.HIGH, 7),
                Arguments.of("lambda.memory", "integrations:\n  sample-source:\n    enabled: true\n    config:\n"
                        + "      credentialsSecretName: s\n      poller:\n        memorySize: 20000\n", Severity.HIGH, 7),
                Arguments.of("ignored-key", "coreProcessing:\n  eventTransformer:\n    runtime: python3.13\n",
                        Severity.MEDIUM, 3));
    }

    private static String lake(String sources) {
        return "securityLake:\n  s3Bucket: b\n  externalId: secretsmanager:x\n  serviceRole: r\n  OCSFEventClass:\n"
                + sources;
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource("failing")
    void ruleReportsTheOffendingLine(String rule, String blocks, Severity severity, int lineInBlocks) {
        String yaml = minimalWith(blocks);
        ValidationReport report = validate(yaml);
        List<Finding> found = byRule(report, rule);
        assertEquals(1, found.size(), "expected one " + rule + " finding in:\n" + yaml + "\ngot:\n" + describe(report));
        Finding finding = found.get(0);
        assertEquals(severity, finding.severity(), finding.message());
        if (lineInBlocks > 0) {
            int blocksStart = yaml.substring(0, yaml.length() - blocks.length()).split("\n", -1).length;
            assertEquals(blocksStart + lineInBlocks - 1, finding.location().line(), finding.message());
        }
        assertTrue(finding.location().column() > 0);
    }

    static Stream<Arguments> passing() {
        return Stream.of(
                Arguments.of("not-built", "cloudTrailEventDataStore:\n  enabled: false\n"),
                Arguments.of("environment", "environment: staging\n"),
                Arguments.of("project-name", "projectName: my-project-2\n"),
                Arguments.of("project-name", "projectName: " + "a".repeat(38) + "\n"),
                Arguments.of("region", "awsRegion: ap-southeast-2\n"),
                Arguments.of("security-lake.required", "securityLake:\n  enabled: false\n"),
                Arguments.of("security-lake.source-name", lake("  - sourceName: okta_logs-v2.1\n    eventClasses: [AUTHENTICATION]\n")),
                Arguments.of("security-lake.source-unique", lake("  - sourceName: one\n    eventClasses: [SECURITY_FINDING]\n"
                        + "  - sourceName: two\n    eventClasses: [SECURITY_FINDING]\n")),
                Arguments.of("security-lake.event-class", lake("  - sourceName: one\n"
                        + "    eventClasses: [DETECTION_FINDING, NETWORK_ACTIVITY, API_ACTIVITY]\n")),
                Arguments.of("lambda.memory", "coreProcessing:\n  eventTransformer:\n    memorySize: 10240\n"),
                Arguments.of("lambda.timeout", "coreProcessing:\n  eventTransformer:\n    timeout: 900\n"
                        + "sqsQueue:\n  visibilityTimeout: 5400\n"),
                Arguments.of("sqs.visibility-timeout", "sqsQueue:\n  visibilityTimeout: 360\n"),
                Arguments.of("sqs.visibility-timeout", "coreProcessing:\n  securityHubProcessor:\n    timeout: 400\n"),
                Arguments.of("encryption.key-alias", "encryption:\n  keyType: AWS_OWNED_CMK\n"),
                Arguments.of("encryption.key-alias", "encryption:\n  keyType: CUSTOMER_MANAGED_CMK\n"),
                Arguments.of("sqs.required", "sqsQueue:\n  enabled: false\n"),
                Arguments.of("lambda.environment", "coreProcessing:\n  eventTransformer:\n    environment:\n"
                        + "      LOG_FORMAT: json\n      POWERTOOLS_LOG_LEVEL: DEBUG\n"),
                Arguments.of("resource-name", "projectName: " + "p".repeat(41) + "\n"),
                Arguments.of("resource-name", "projectName: " + "p".repeat(20) + "\ncoreProcessing:\n"
                        + "  eventTransformer:\n    functionName: " + "f".repeat(38) + "\n"),
                Arguments.of("placeholder", "environment: prod\n"),
                Arguments.of("security-lake.external-id", "securityLake:\n  s3Bucket: b\n"
                        + "  externalId: ssm:/security-lake/external-id\n  serviceRole: r\n"),
                Arguments.of("alarm.datapoints", "monitoring:\n  alarms:\n    sqsAgeAlarm:\n      evaluationPeriods: 3\n"
                        + "      datapointsToAlarm: 3\n"),
                Arguments.of("integration.unknown", "integrations:\n  sample-source:\n    enabled: true\n    config:\n"
                        + "      credentialsSecretName: s\n"),
                Arguments.of("schedule", "integrations:\n  sample-source:\n    enabled: true\n    config:\n"
                        + "      credentialsSecretName: s\n      poller:\n        schedule: cron(0/15 * * * ? *)\n"),
                Arguments.of("ignored-key", "coreProcessing:\n  eventTransformer:\n    memorySize: 256\n"));
    }

    @ParameterizedTest(name = "{0} passes: {1}")
    @MethodSource("passing")
    void ruleAcceptsAValidConfiguration(String rule, String blocks) {
        ValidationReport report = validate(minimalWith(blocks));
        assertTrue(byRule(report, rule).isEmpty(), describe(report));
        assertTrue(report.valid(), describe(report));
    }

    @Test
    void unknownIntegrationListsKnownModulesAndSuggestsTheClosest() {
        Finding finding = byRule(validate(minimalWith("integrations:\n  sample-sorce:\n    enabled: true\n")),
                "integration.unknown").get(0);
        assertTrue(finding.message().contains("known modules: sample-sink, sample-source"), finding.message());
        assertTrue(finding.hint().startsWith("did you mean 'sample-source'?"), finding.hint());
    }

    @Test
    void placeholderExternalIdIsNeverPrintedWhole() {
        String secret = "REPLACE_WITH_SECURE_RANDOM_STRING";
        ValidationReport report = validate(minimalWith("securityLake:\n  s3Bucket: b\n  externalId: " + secret
                + "\n  serviceRole: r\n"));
        Finding finding = byRule(report, "placeholder").get(0);
        assertTrue(!finding.message().contains(secret) && finding.message().contains("'REPL...' (33 characters)"),
                finding.message());
    }

    @Test
    void overriddenValueIsReportedWhereTheOverrideSetsIt() throws Exception {
        String yaml = minimalWith("environment: prod\nproduction:\n  encryptionKeyType: AWS_OWNED_CMK\n");
        RuleContext ctx = new RuleContext(new dev.slk.core.yaml.YamlLoader().parse(yaml, "config.yaml"),
                ConfigValidator.effective(new dev.slk.core.yaml.YamlLoader().parse(yaml, "config.yaml").root()).config(),
                java.util.Map.of("/encryption/keyType", "/production/encryptionKeyType"));
        ctx.error("any", "/encryption/keyType", "keyType is refused", null);
        Finding finding = ctx.findings().get(0);
        assertEquals("/production/encryptionKeyType", finding.pointer());
        assertEquals(yaml.lines().toList().indexOf("  encryptionKeyType: AWS_OWNED_CMK") + 1, finding.location().line());
        assertTrue(finding.message().contains("set by /production/encryptionKeyType"), finding.message());
    }

    @Test
    void anEmptyKeyAliasIsOneFindingThatSaysTheDefaultWouldServe() {
        ValidationReport report = validate(minimalWith("encryption:\n  keyAlias: ''\n"));
        assertEquals(1, report.findings().size(), describe(report));
        Finding finding = report.findings().get(0);
        assertEquals("schema.pattern", finding.ruleId(), describe(report));
        assertEquals("/encryption/keyAlias", finding.pointer());
        assertEquals("remove the key to use the default demo-dev, or write one", finding.hint());
    }

    @Test
    void aCustomerManagedKeyWithoutAnAliasGetsTheProjectAndEnvironmentAlias() {
        String yaml = minimalWith("environment: prod\nencryption:\n  keyType: AWS_OWNED_CMK\n"
                + "production:\n  encryptionKeyType: CUSTOMER_MANAGED_CMK\n");
        ValidationReport report = validate(yaml);
        assertTrue(report.findings().isEmpty(), describe(report));
        assertEquals("demo-prod", report.config().orElseThrow().encryption().keyAlias());
    }

    @Test
    void anAbsentSecurityLakeBlockIsOneErrorThatSaysHowToAddOrSwitchItOff() {
        String yaml = Configs.MINIMAL.substring(0, Configs.MINIMAL.indexOf("securityLake:"));
        List<Finding> found = byRule(validate(yaml), "security-lake.required");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("no securityLake block")
                && found.get(0).hint().contains("securityLake: {enabled: false}"), found.get(0).toString());
    }

    @Test
    void aLiteralExternalIdIsAnErrorWhoseMessageNeverShowsTheValue() {
        // slk-scan:ignore generic-secret-assignment made-up external id, the test proves it is never shown
        String secret = "7f3c9a1e5b2d4c6e8f0a1b3c5d7e9f21";
        ValidationReport report = validate(minimalWith("securityLake:\n  s3Bucket: b\n  externalId: " + secret
                + "\n  serviceRole: r\n"));
        Finding finding = byRule(report, "security-lake.external-id").get(0);
        assertEquals(Severity.HIGH, finding.severity());
        String shown = finding.message() + finding.hint();
        assertTrue(!shown.contains(secret.substring(0, 8)) && !shown.contains(secret.substring(24)), shown);
        assertTrue(finding.hint().contains("aws secretsmanager create-secret --name demo/external-id")
                && finding.hint().contains("externalId: secretsmanager:demo/external-id"), finding.hint());
    }

    @Test
    void mismatchBetweenEnvOptionAndFileIsAWarning() throws Exception {
        ValidationReport report = new ConfigValidator(Configs.registry())
                .validate(new dev.slk.core.yaml.YamlLoader().parse(Configs.MINIMAL, "config.prod.yaml"), "prod");
        assertEquals(Severity.MEDIUM, byRule(report, "environment.mismatch").get(0).severity());
        ValidationReport matching = new ConfigValidator(Configs.registry())
                .validate(new dev.slk.core.yaml.YamlLoader().parse(Configs.MINIMAL, "config.dev.yaml"), "dev");
        assertTrue(matching.findings().isEmpty(), describe(matching));
    }
}
