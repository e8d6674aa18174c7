package dev.slk.scan.infra;

import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Severity;
import java.util.List;

/** The catalogue of infrastructure rules: ids, severities and fix hints live here and only here. */
final class InfraRules {
    static final Rule LAMBDA_ENV_SECRET = new Rule("infra-secret-in-lambda-environment",
            Severity.CRITICAL,
            "A Lambda environment variable holds a literal secret, readable by anyone who can read the function"
                    + " configuration or the template.",
            "Keep the value in AWS Secrets Manager, put the secret's ARN in the environment and read the value"
                    + " at run time; rotate the exposed value.");

    static final Rule CUSTOM_RESOURCE_SECRET = new Rule("infra-secret-in-custom-resource",
            Severity.CRITICAL,
            "A custom-resource property holds a literal secret, stored in the template and sent in every"
                    + " lifecycle event.",
            "Pass a Secrets Manager ARN or a {{resolve:secretsmanager:...}} dynamic reference instead; rotate"
                    + " the exposed value.");

    static final Rule OUTPUT_SECRET = new Rule("infra-secret-in-output",
            Severity.CRITICAL,
            "A stack output publishes a literal secret, visible to anyone who can describe the stack.",
            "Output the ARN or name of the secret, never its value; rotate the exposed value.");

    static final Rule LITERAL_SECRET_STRING = new Rule("infra-literal-secret-string",
            Severity.CRITICAL,
            "A Secrets Manager secret is created with its value written into the template.",
            "Use GenerateSecretString, or create the secret empty and set its value outside the stack; rotate"
                    + " the exposed value.");

    static final Rule UNENCRYPTED_QUEUE = new Rule("infra-unencrypted-queue", Severity.HIGH,
            "An SQS queue turns server-side encryption off and names no KMS key.",
            "Set KmsMasterKeyId to the shared key (or remove SqsManagedSseEnabled: false).");

    static final Rule UNENCRYPTED_TOPIC = new Rule("infra-unencrypted-topic", Severity.HIGH,
            "An SNS topic has no KMS key, so its messages are stored unencrypted.",
            "Set KmsMasterKeyId (masterKey in the CDK) to the shared key.");

    static final Rule UNENCRYPTED_LOG_GROUP = new Rule("infra-unencrypted-log-group", Severity.MEDIUM,
            "A CloudWatch log group is not encrypted with a KMS key.",
            "Set KmsKeyId (encryptionKey in the CDK) to the shared key.");

    static final Rule TABLE_WITHOUT_KMS = new Rule("infra-table-without-kms", Severity.MEDIUM,
            "A DynamoDB table does not enable KMS server-side encryption, so it is not encrypted with a"
                    + " customer-managed key (AWS-owned encryption is the default).",
            "Set SSESpecification.SSEEnabled to true with the shared key (encryption: CUSTOMER_MANAGED in the"
                    + " CDK).");

    static final Rule UNENCRYPTED_BUCKET = new Rule("infra-unencrypted-bucket", Severity.HIGH,
            "An S3 bucket declares no BucketEncryption.",
            "Set BucketEncryption to SSE-KMS with the shared key (encryption: KMS in the CDK).");

    static final Rule QUEUE_WITHOUT_SSL = new Rule("infra-queue-without-ssl-enforcement",
            Severity.HIGH,
            "No queue policy of an SQS queue denies requests made without TLS (aws:SecureTransport false).",
            "Set enforceSSL: true on the queue in the CDK, or add a QueuePolicy with a Deny statement on"
                    + " aws:SecureTransport \"false\".");

    static final Rule KEY_ROTATION = new Rule("infra-kms-key-rotation-disabled", Severity.HIGH,
            "A symmetric KMS key does not enable automatic key rotation.",
            "Set EnableKeyRotation to true (enableKeyRotation in the CDK).");

    static final Rule LAMBDA_CONCURRENCY = new Rule("infra-lambda-no-reserved-concurrency",
            Severity.MEDIUM,
            "A Lambda function has no reserved concurrency, so a burst can exhaust the account's concurrency.",
            "Set ReservedConcurrentExecutions (reservedConcurrentExecutions in the CDK).");

    static final Rule LAMBDA_FAILURE_DESTINATION = new Rule("infra-lambda-no-failure-destination",
            Severity.MEDIUM,
            "A Lambda function that is not driven by an event source mapping has neither a dead-letter queue"
                    + " nor an on-failure destination, so failed asynchronous events are lost.",
            "Set DeadLetterConfig (deadLetterQueue in the CDK) or an EventInvokeConfig with an OnFailure"
                    + " destination (onFailure in the CDK).");

    static final Rule SHORT_LOG_RETENTION = new Rule("infra-log-retention-short", Severity.MEDIUM,
            "A production log group keeps its events for fewer than 90 days.",
            "Set RetentionInDays to at least 90 (logRetention / retention in the CDK).");

    static final Rule UNPINNED_DEPENDENCY = new Rule("infra-unpinned-dependency", Severity.MEDIUM,
            "A build dependency is not pinned to one version (a range, LATEST, RELEASE, a SNAPSHOT, or a"
                    + " requirement without ==), so builds can pick up different code.",
            "Pin an exact released version (Maven: 1.2.3; pip: name==1.2.3).");

    static final Rule UNCHECKED_FILE = new Rule("infra-unchecked-file", Severity.LOW,
            "A template or build file could not be checked: it is unreadable, malformed, too large, or a pom.xml"
                    + " with a DOCTYPE (refused so that no XML entity is ever expanded).",
            "Fix or remove the file so that it can be checked; poms need no DOCTYPE.");

    static final List<Rule> ALL = List.of(LAMBDA_ENV_SECRET, CUSTOM_RESOURCE_SECRET, OUTPUT_SECRET,
            LITERAL_SECRET_STRING, UNENCRYPTED_QUEUE, UNENCRYPTED_TOPIC, UNENCRYPTED_LOG_GROUP, TABLE_WITHOUT_KMS,
            UNENCRYPTED_BUCKET, QUEUE_WITHOUT_SSL, KEY_ROTATION, LAMBDA_CONCURRENCY, LAMBDA_FAILURE_DESTINATION,
            SHORT_LOG_RETENTION, UNPINNED_DEPENDENCY, UNCHECKED_FILE);

    private InfraRules() {
    }
}
