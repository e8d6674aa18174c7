package dev.slk.scan.infra;

import static dev.slk.scan.infra.Templates.flagged;
import static dev.slk.scan.infra.Templates.only;
import static dev.slk.scan.infra.Templates.resource;
import static dev.slk.scan.infra.Templates.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataProtectionRulesTest {
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String KEY_REF = "{\"Fn::GetAtt\": [\"SharedKey\", \"Arn\"]}";

    @TempDir
    Path dir;

    /** A queue policy as CDK's enforceSSL writes it, for the given queues. */
    private static String sslPolicy(String id, String effect, String... queues) {
        StringBuilder refs = new StringBuilder();
        for (String q : queues) {
            refs.append(refs.length() == 0 ? "" : ", ").append("{\"Ref\": \"").append(q).append("\"}");
        }
        return resource(id, "AWS::SQS::QueuePolicy", "{\"Queues\": [" + refs + "], \"PolicyDocument\": {"
                + "\"Statement\": [{\"Action\": \"sqs:*\", \"Effect\": \"" + effect + "\","
                + " \"Principal\": {\"AWS\": \"*\"},"
                + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}], \"Version\": \"2012-10-17\"}}");
    }

    @Test
    void queueWithEncryptionTurnedOffAndNoKey() {
        List<Finding> findings = Templates.check(dir, template(
                resource("Off", QUEUE, "{\"SqsManagedSseEnabled\": false}"),
                resource("OffWithKey", QUEUE, "{\"SqsManagedSseEnabled\": false, \"KmsMasterKeyId\": " + KEY_REF + "}"),
                resource("Default", QUEUE, "{}"),
                sslPolicy("Tls", "Deny", "Off", "OffWithKey", "Default")));

        assertEquals(List.of("Off"), flagged(findings, "infra-unencrypted-queue", "Off", "OffWithKey", "Default"));
        assertEquals(Severity.HIGH, only(findings, "infra-unencrypted-queue").get(0).severity());
    }

    @Test
    void queueWithoutSslEnforcement() {
        String single = resource("SinglePolicy", "AWS::SQS::QueuePolicy",
                "{\"Queues\": [{\"Ref\": \"SingleStatement\"}],"
                + " \"PolicyDocument\": {\"Statement\": {\"Effect\": \"Deny\","
                + " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": false}}}}}");
        List<Finding> findings = Templates.check(dir, template(
                resource("Enforced", QUEUE, "{}"),
                resource("SingleStatement", QUEUE, "{}"),
                resource("AllowOnly", QUEUE, "{}"),
                resource("OtherQueuesPolicy", QUEUE, "{}"),
                resource("NoPolicy", QUEUE, "{}"),
                sslPolicy("EnforcedPolicy", "Deny", "Enforced"),
                sslPolicy("AllowPolicy", "Allow", "AllowOnly"),
                sslPolicy("Elsewhere", "Deny", "Enforced"),
                single));

        assertEquals(List.of("AllowOnly", "NoPolicy", "OtherQueuesPolicy"), flagged(findings,
                "infra-queue-without-ssl-enforcement", "Enforced", "SingleStatement", "AllowOnly",
                "OtherQueuesPolicy", "NoPolicy"));
        only(findings, "infra-queue-without-ssl-enforcement")
                .forEach(f -> assertEquals(Severity.HIGH, f.severity()));
    }

    @Test
    void topicWithoutKey() {
        List<Finding> findings = Templates.check(dir, template(
                resource("Plain", "AWS::SNS::Topic", "{}"),
                resource("Encrypted", "AWS::SNS::Topic", "{\"KmsMasterKeyId\": " + KEY_REF + "}")));

        assertEquals(List.of("Plain"), flagged(findings, "infra-unencrypted-topic", "Plain", "Encrypted"));
        assertEquals(Severity.HIGH, only(findings, "infra-unencrypted-topic").get(0).severity());
    }

    @Test
    void logGroupWithoutKey() {
        List<Finding> findings = Templates.check(dir, template(
                resource("Plain", "AWS::Logs::LogGroup", "{\"RetentionInDays\": 365}"),
                resource("Encrypted", "AWS::Logs::LogGroup", "{\"KmsKeyId\": " + KEY_REF + "}")));

        assertEquals(List.of("Plain"), flagged(findings, "infra-unencrypted-log-group", "Plain", "Encrypted"));
        assertEquals(Severity.MEDIUM, only(findings, "infra-unencrypted-log-group").get(0).severity());
    }

    @Test
    void tablesWithoutKmsEncryption() {
        List<Finding> findings = Templates.check(dir, template(
                resource("Default", "AWS::DynamoDB::Table", "{\"BillingMode\": \"PAY_PER_REQUEST\"}"),
                resource("Disabled", "AWS::DynamoDB::GlobalTable", "{\"SSESpecification\": {\"SSEEnabled\": false}}"),
                resource("Kms", "AWS::DynamoDB::Table", "{\"SSESpecification\": {\"SSEEnabled\": true,"
                        + " \"KMSMasterKeyId\": " + KEY_REF + ", \"SSEType\": \"KMS\"}}"),
                resource("GlobalKms", "AWS::DynamoDB::GlobalTable",
                        "{\"SSESpecification\": {\"SSEEnabled\": \"true\", \"SSEType\": \"KMS\"}}")));

        List<Finding> tables = only(findings, "infra-table-without-kms");
        assertEquals(List.of("Default", "Disabled"),
                flagged(findings, "infra-table-without-kms", "Default", "Disabled", "Kms", "GlobalKms"));
        assertTrue(tables.get(0).message().contains("not encrypted with a customer-managed key"));
        assertEquals(Severity.MEDIUM, tables.get(0).severity());
    }

    @Test
    void bucketWithoutEncryption() {
        List<Finding> findings = Templates.check(dir, template(
                resource("Plain", "AWS::S3::Bucket", "{}"),
                resource("Encrypted", "AWS::S3::Bucket", "{\"BucketEncryption\":"
                        + " {\"ServerSideEncryptionConfiguration\":"
                        + " [{\"ServerSideEncryptionByDefault\": {\"SSEAlgorithm\": \"aws:kms\"}}]}}")));

        assertEquals(List.of("Plain"), flagged(findings, "infra-unencrypted-bucket", "Plain", "Encrypted"));
        assertEquals(Severity.HIGH, only(findings, "infra-unencrypted-bucket").get(0).severity());
    }

    @Test
    void symmetricKeyWithoutRotation() {
        List<Finding> findings = Templates.check(dir, template(
                resource("NoRotation", "AWS::KMS::Key", "{\"KeyPolicy\": {}}"),
                resource("RotationOff", "AWS::KMS::Key", "{\"EnableKeyRotation\": false,"
                        + " \"KeySpec\": \"SYMMETRIC_DEFAULT\"}"),
                resource("Rotated", "AWS::KMS::Key", "{\"EnableKeyRotation\": true}"),
                resource("Asymmetric", "AWS::KMS::Key", "{\"KeySpec\": \"RSA_2048\", \"KeyUsage\": \"SIGN_VERIFY\"}")));

        assertEquals(List.of("NoRotation", "RotationOff"), flagged(findings, "infra-kms-key-rotation-disabled",
                "NoRotation", "RotationOff", "Rotated", "Asymmetric"));
        assertEquals(Severity.HIGH, only(findings, "infra-kms-key-rotation-disabled").get(0).severity());
    }

    @Test
    void shortRetentionOnlyInProduction() {
        String text = template(
                resource("Short", "AWS::Logs::LogGroup", "{\"RetentionInDays\": 30, \"KmsKeyId\": " + KEY_REF + "}"),
                resource("ShortText", "AWS::Logs::LogGroup", "{\"RetentionInDays\": \"14\"}"),
                resource("Long", "AWS::Logs::LogGroup", "{\"RetentionInDays\": 365}"),
                resource("Forever", "AWS::Logs::LogGroup", "{}"),
                resource("ExactlyNinety", "AWS::Logs::LogGroup", "{\"RetentionInDays\": 90}"),
                resource("FnLogRetention", "Custom::LogRetention", "{\"ServiceToken\": {\"Ref\": \"P\"},"
                        + " \"RetentionInDays\": 7}"));
        String[] ids = {"Short", "ShortText", "Long", "Forever", "ExactlyNinety", "FnLogRetention"};

        List<Finding> production = Templates.check(dir, text, true);
        List<Finding> development = Templates.check(dir, text, false);

        assertEquals(List.of("FnLogRetention", "Short", "ShortText"),
                flagged(production, "infra-log-retention-short", ids));
        assertEquals(Severity.MEDIUM, only(production, "infra-log-retention-short").get(0).severity());
        assertEquals(List.of(), only(development, "infra-log-retention-short"));
    }
}
