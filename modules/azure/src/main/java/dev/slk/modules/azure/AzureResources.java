/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import dev.slk.spi.CoreResources;
import dev.slk.spi.ModuleResources;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.secretsmanager.CfnSecret;
import software.constructs.Construct;

/** The checkpoint table and the credentials secret. */
final class AzureResources {
    /** The table's partition key: {@code <namespace>/<event hub>/<consumer group>/<partition>}. */
    static final String KEY = "id";

    private AzureResources() {
    }

    /**
     * On-demand unless configured otherwise, point-in-time recovery in prod, encrypted with the
     * shared key, and no TTL: a checkpoint that expired would restart a quiet partition from its
     * oldest retained event.
     */
    static ITable checkpointTable(Construct scope, String id, CoreResources core, AzureSettings settings,
            Optional<String> name) {
        boolean recovery = settings.pointInTimeRecovery().orElse(core.project().production());
        Table.Builder table = Table.Builder.create(scope, id)
                .partitionKey(Attribute.builder().name(KEY).type(AttributeType.STRING).build())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(recovery).build())
                .removalPolicy(core.project().production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        if (settings.provisioned()) {
            table.billingMode(BillingMode.PROVISIONED).readCapacity(settings.readCapacity())
                    .writeCapacity(settings.writeCapacity());
        } else {
            table.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        if (settings.tableUsesSharedKey() && core.sharedKey().isPresent()) {
            table.encryption(TableEncryption.CUSTOMER_MANAGED).encryptionKey(core.sharedKey().get());
        } else {
            table.encryption(TableEncryption.AWS_MANAGED);
        }
        name.ifPresent(table::tableName);
        Table built = table.build();
        if (!recovery) {
            NagSuppressions.addResourceSuppressions(built, List.of(NagPackSuppression.builder().id("AwsSolutions-DDB3")
                    .reason("Outside prod the checkpoint table has no point-in-time recovery unless "
                            + "checkpointStore.pointInTimeRecovery asks for it: a lost checkpoint only makes the "
                            + "processor read the partition again from its start position (at-least-once).")
                    .build()));
        }
        return built;
    }

    /**
     * The secret slk creates when {@code secretsManager.eventHubSecret.create} asks for it: a
     * name, a description and the shared key, and no value at all (neither a value from the config
     * nor a generated one); the operator stores the credentials with {@code put-secret-value}.
     */
    static Optional<CfnSecret> credentialsSecret(Construct scope, String id, CoreResources core,
            AzureSettings settings) {
        if (!settings.createSecret()) {
            return Optional.empty();
        }
        CfnSecret.Builder secret = CfnSecret.Builder.create(scope, id)
                .name(settings.secretName())
                .description(settings.secretDescription());
        core.sharedKey().ifPresent(key -> secret.kmsKeyId(key.getKeyArn()));
        CfnSecret built = secret.build();
        built.applyRemovalPolicy(core.project().production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        NagSuppressions.addResourceSuppressions(built, List.of(NagPackSuppression.builder().id("AwsSolutions-SMG4")
                .reason("The secret holds Azure credentials (a SAS rule's key or a service principal's client "
                        + "secret) that are issued and rotated in Azure, not by a Secrets Manager rotation function; "
                        + "the README gives the rotation procedure.")
                .build()));
        return Optional.of(built);
    }

    /** The ARN the processor may read: the created secret's, or the named secret's with any suffix. */
    static String secretArn(ModuleResources created, CoreResources core, AzureSettings settings) {
        if (settings.createSecret()) {
            return created.resource(AzureModule.SECRET, CfnSecret.class).getRef();
        }
        return "arn:" + Aws.PARTITION + ":secretsmanager:" + core.project().region() + ":" + Aws.ACCOUNT_ID
                + ":secret:" + settings.secretName() + "-??????";
    }
}
