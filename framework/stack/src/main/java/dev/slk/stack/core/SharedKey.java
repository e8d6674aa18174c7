package dev.slk.stack.core;

import dev.slk.core.config.ProjectConfig;
import dev.slk.spi.JsiiMaps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The shared customer-managed key. Services that use it on the stack's behalf (CloudWatch Logs
 * for the log groups, CloudWatch for alarm notifications to the encrypted topic) get key-policy
 * grants confined to this account; everything else is granted through IAM by the constructs
 * that use the key.
 */
final class SharedKey {
    private SharedKey() {
    }

    static Optional<Key> create(Construct scope, ProjectConfig config) {
        ProjectConfig.Encryption encryption = config.encryption();
        if (!encryption.customerManagedKey()) {
            return Optional.empty();
        }
        Key key = Key.Builder.create(scope, "SharedKey")
                .alias("alias/" + encryption.keyAlias())
                .description(encryption.keyDescription())
                .enableKeyRotation(encryption.keyRotationEnabled())
                .pendingWindow(Duration.days(encryption.keyPendingWindowInDays()))
                // Deleting the key destroys every record it encrypted: production keeps it.
                .removalPolicy(config.isProduction() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsOfThisAccount")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + Aws.REGION + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                        "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"))
                .resources(List.of("*"))
                // CloudWatch Logs identifies the caller through the encryption context, which names
                // the log group; confining it to this account's log groups is its SourceAccount.
                .conditions(JsiiMaps.sorted(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:*"))))
                .build());
        if (config.monitoring().enabled() && config.monitoring().alarms().enabled()) {
            key.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("AllowCloudWatchAlarmsOfThisAccount")
                    .effect(Effect.ALLOW)
                    .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                    .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                    .resources(List.of("*"))
                    .conditions(JsiiMaps.sorted(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                    .build());
        }
        return Optional.of(key);
    }
}
