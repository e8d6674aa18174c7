package dev.slk.scan.infra;

import dev.slk.scan.RuleInfo;
import dev.slk.scan.ScanSeverity;
import java.util.List;

/** The catalogue of infrastructure rules: ids, severities and fix hints live here and only here. */
final class InfraRules {
    static final RuleInfo LAMBDA_ENV_SECRET = new RuleInfo("infra-secret-in-lambda-environment",
            ScanSeverity.CRITICAL,
            "A Lambda environment variable holds a literal secret, readable by anyone who can read the function"
                    + " configuration or the template.",
            "Keep the value in AWS Secrets Manager, put the secret's ARN in the environment and read the value"
                    + " at run time; rotate the exposed value.");

    static final RuleInfo CUSTOM_RESOURCE_SECRET = new RuleInfo("infra-secret-in-custom-resource",
            ScanSeverity.CRITICAL,
            "A custom-resource property holds a literal secret, stored in the template and sent in every"
                    + " lifecycle event.",
            "Pass a Secrets Manager ARN or a {{resolve:secretsmanager:...}} dynamic reference instead; rotate"
                    + " the exposed value.");

    static final RuleInfo OUTPUT_SECRET = new RuleInfo("infra-secret-in-output",
            ScanSeverity.CRITICAL,
            "A stack output publishes a literal secret, visible to anyone who can describe the stack.",
            "Output the ARN or name of the secret, never its value; rotate the exposed value.");

    static final RuleInfo LITERAL_SECRET_STRING = new RuleInfo("infra-literal-secret-string",
            ScanSeverity.CRITICAL,
            "A Secrets Manager secret is created with its value written into the template.",
            "Use GenerateSecretString, or create the secret empty and set its value outside the stack; rotate"
                    + " the exposed value.");

    static final RuleInfo UNENCRYPTED_QUEUE = new RuleInfo("infra-unencrypted-queue", ScanSeverity.HIGH,
            "An SQS queue turns server-side encryption off and names no KMS key.",
            "Set KmsMasterKeyId to the shared key (or remove SqsManagedSseEnabled: false).");

    static final RuleInfo UNENCRYPTED_TOPIC = new RuleInfo("infra-unencrypted-topic", ScanSeverity.HIGH,
            "An SNS topic has no KMS key, so its messages are stored unencrypted.",
            "Set KmsMasterKeyId (masterKey in the CDK) to the shared key.");

    static final RuleInfo UNENCRYPTED_LOG_GROUP = new RuleInfo("infra-unencrypted-log-group", ScanSeverity.MEDIUM,
            "A CloudWatch log group is not encrypted with a KMS key.",
            "Set KmsKeyId (encryptionKey in the CDK) to the shared key.");

    static final RuleInfo TABLE_WITHOUT_KMS = new RuleInfo("infra-table-without-kms", ScanSeverity.MEDIUM,
            "A DynamoDB table does not enable KMS server-side encryption, so it is not encrypted with a"
                    + " customer-managed key (AWS-owned encryption is the default).",
            "Set SSESpecification.SSEEnabled to true with the shared key (encryption: CUSTOMER_MANAGED in the"
                    + " CDK).");

    static final RuleInfo UNENCRYPTED_BUCKET = new RuleInfo("infra-unencrypted-bucket", ScanSeverity.HIGH,
            "An S3 bucket declares no BucketEncryption.",
            "Set BucketEncryption to SSE-KMS with the shared key (encryption: KMS in the CDK).");

    static final RuleInfo QUEUE_WITHOUT_SSL = new RuleInfo("infra-queue-without-ssl-enforcement",
            ScanSeverity.HIGH,
            "No queue policy of an SQS queue denies requests made without TLS (aws:SecureTransport false).",
            "Set enforceSSL: true on the queue in the CDK, or add a QueuePolicy with a Deny statement on"
                    + " aws:SecureTransport \"false\".");

    static final RuleInfo KEY_ROTATION = new RuleInfo("infra-kms-key-rotation-disabled", ScanSeverity.HIGH,
            "A symmetric KMS key does not enable automatic key rotation.",
            "Set EnableKeyRotation to true (enableKeyRotation in the CDK).");

    static final RuleInfo LAMBDA_CONCURRENCY = new RuleInfo("infra-lambda-no-reserved-concurrency",
            ScanSeverity.MEDIUM,
            "A Lambda function has no reserved concurrency, so a burst can exhaust the account's concurrency.",
            "Set ReservedConcurrentExecutions (reservedConcurrentExecutions in the CDK).");

    static final RuleInfo LAMBDA_FAILURE_DESTINATION = new RuleInfo("infra-lambda-no-failure-destination",
            ScanSeverity.MEDIUM,
            "A Lambda function that is not driven by an event source mapping has neither a dead-letter queue"
                    + " nor an on-failure destination, so failed asynchronous events are lost.",
            "Set DeadLetterConfig (deadLetterQueue in the CDK) or an EventInvokeConfig with an OnFailure"
                    + " destination (onFailure in the CDK).");

    static final RuleInfo SHORT_LOG_RETENTION = new RuleInfo("infra-log-retention-short", ScanSeverity.MEDIUM,
            "A production log group keeps its events for fewer than 90 days.",
            "Set RetentionInDays to at least 90 (logRetention / retention in the CDK).");

    static final RuleInfo UNPINNED_DEPENDENCY = new RuleInfo("infra-unpinned-dependency", ScanSeverity.MEDIUM,
            "A build dependency is not pinned to one version (a range, LATEST, RELEASE, a SNAPSHOT, or a"
                    + " requirement without ==), so builds can pick up different code.",
            "Pin an exact released version (Maven: 1.2.3; pip: name==1.2.3).");

    static final RuleInfo UNCHECKED_FILE = new RuleInfo("infra-unchecked-file", ScanSeverity.LOW,
            "A template or build file could not be checked: it is unreadable, malformed, too large, or a pom.xml"
                    + " with a DOCTYPE (refused so that no XML entity is ever expanded).",
            "Fix or remove the file so that it can be checked; poms need no DOCTYPE.");

    static final List<RuleInfo> ALL = List.of(LAMBDA_ENV_SECRET, CUSTOM_RESOURCE_SECRET, OUTPUT_SECRET,
            LITERAL_SECRET_STRING, UNENCRYPTED_QUEUE, UNENCRYPTED_TOPIC, UNENCRYPTED_LOG_GROUP, TABLE_WITHOUT_KMS,
            UNENCRYPTED_BUCKET, QUEUE_WITHOUT_SSL, KEY_ROTATION, LAMBDA_CONCURRENCY, LAMBDA_FAILURE_DESTINATION,
            SHORT_LOG_RETENTION, UNPINNED_DEPENDENCY, UNCHECKED_FILE);

    private InfraRules() {
    }
}
