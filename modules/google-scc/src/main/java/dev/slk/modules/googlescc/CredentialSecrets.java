/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.CoreResources;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.CfnSecret;
import software.constructs.Construct;

/**
 * The secrets {@code secretsManager.gcpCredentialsSecrets[]} asks slk to create: empty. A
 * CloudFormation secret with neither SecretString nor GenerateSecretString has no value, so no
 * credential and no placeholder from the config reaches the template; the user stores the value
 * with {@code put-secret-value}.
 */
final class CredentialSecrets {
    static final String ROTATION_REASON = "The secret holds a Google credential: a workload identity federation "
            + "configuration (no key, nothing to rotate) or a service-account key, which only Google can rotate; "
            + "the module's README gives the rotation steps.";

    private final Construct scope;
    private final CoreResources core;

    CredentialSecrets(Construct scope, CoreResources core) {
        this.scope = scope;
        this.core = core;
    }

    void create(JsonNode secrets) {
        for (JsonNode secret : secrets) {
            if (!secret.path("create").asBoolean(false)) {
                continue;
            }
            String name = secret.path("secretName").asText();
            CfnSecret.Builder builder = CfnSecret.Builder.create(scope, "GoogleSccSecret" + name.replaceAll("[^A-Za-z0-9]", ""))
                    .name(name)
                    .description(secret.path("description").asText("Google credential of the google-scc pollers"));
            core.sharedKey().ifPresent(key -> builder.kmsKeyId(key.getKeyArn()));
            CfnSecret created = builder.build();
            created.applyRemovalPolicy(core.project().production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
            NagSuppressions.addResourceSuppressions(created, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-SMG4").reason(ROTATION_REASON).build()));
        }
    }
}
