package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Resource;

/** Encryption at rest, key rotation, TLS on queues and log retention. */
final class DataProtectionChecks {
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String KEY = "AWS::KMS::Key";
    private static final String LOG_GROUP = "AWS::Logs::LogGroup";
    private static final int MIN_PRODUCTION_RETENTION_DAYS = 90;

    private DataProtectionChecks() {
    }

    static void check(TemplateContext ctx) {
        for (Resource resource : ctx.template().resources().values()) {
            JsonNode props = resource.properties();
            String name = resource.logicalId() + " (" + resource.type() + ")";
            switch (resource.type()) {
                case QUEUE -> {
                    // SQS-managed SSE is on by default; only an explicit opt-out without a key is unencrypted.
                    if (TemplateContext.isFalse(props.path("SqsManagedSseEnabled"))
                            && !TemplateContext.present(props.path("KmsMasterKeyId"))) {
                        ctx.report(InfraRules.UNENCRYPTED_QUEUE, resource, "Queue " + name
                                + " turns SQS-managed encryption off and sets no KmsMasterKeyId", "");
                    }
                    if (!QueuePolicies.enforcesTls(ctx.template(), resource)) {
                        ctx.report(InfraRules.QUEUE_WITHOUT_SSL, resource, "Queue " + name
                                + " has no queue policy denying requests without TLS (aws:SecureTransport false)", "");
                    }
                }
                case "AWS::SNS::Topic" -> {
                    if (!TemplateContext.present(props.path("KmsMasterKeyId"))) {
                        ctx.report(InfraRules.UNENCRYPTED_TOPIC, resource, "Topic " + name + " has no KmsMasterKeyId",
                                "");
                    }
                }
                case LOG_GROUP -> logGroup(ctx, resource, name);
                case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> {
                    if (!TemplateContext.isTrue(props.path("SSESpecification").path("SSEEnabled"))) {
                        ctx.report(InfraRules.TABLE_WITHOUT_KMS, resource, "Table " + name
                                + " does not set SSESpecification.SSEEnabled to true, so it is not encrypted with a"
                                + " customer-managed key", "");
                    }
                }
                case "AWS::S3::Bucket" -> {
                    if (!TemplateContext.present(props.path("BucketEncryption"))) {
                        ctx.report(InfraRules.UNENCRYPTED_BUCKET, resource, "Bucket " + name
                                + " declares no BucketEncryption", "");
                    }
                }
                case KEY -> {
                    JsonNode spec = props.path("KeySpec");
                    // Rotation exists only for symmetric encryption keys; others cannot enable it.
                    boolean symmetric = !spec.isTextual() || spec.asText().equals("SYMMETRIC_DEFAULT");
                    if (symmetric && !TemplateContext.isTrue(props.path("EnableKeyRotation"))) {
                        ctx.report(InfraRules.KEY_ROTATION, resource, "Key " + name
                                + " does not set EnableKeyRotation to true", "");
                    }
                }
                case "Custom::LogRetention" -> retention(ctx, resource,
                        "Log retention " + name + " for a function's log group");
                default -> {
                    // Other types have no data-protection rule.
                }
            }
        }
    }

    private static void logGroup(TemplateContext ctx, Resource group, String name) {
        if (!TemplateContext.present(group.properties().path("KmsKeyId"))) {
            ctx.report(InfraRules.UNENCRYPTED_LOG_GROUP, group, "Log group " + name + " has no KmsKeyId", "");
        }
        retention(ctx, group, "Log group " + name);
    }

    /** Only in production; a missing RetentionInDays keeps events forever, which is long enough. */
    private static void retention(TemplateContext ctx, Resource resource, String what) {
        JsonNode days = resource.properties().path("RetentionInDays");
        if (!ctx.production() || !(days.isNumber() || days.isTextual())) {
            return;
        }
        long value;
        try {
            value = days.isNumber() ? days.asLong() : Long.parseLong(days.asText().strip());
        } catch (NumberFormatException e) {
            // A token or an intrinsic: the value is not known here.
            return;
        }
        if (value < MIN_PRODUCTION_RETENTION_DAYS) {
            ctx.report(InfraRules.SHORT_LOG_RETENTION, resource, what + " keeps events for " + value
                    + " days in production, fewer than " + MIN_PRODUCTION_RETENTION_DAYS, "");
        }
    }
}
