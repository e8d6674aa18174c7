/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.AwsCredentials;
import com.google.auth.oauth2.AwsSecurityCredentials;
import com.google.auth.oauth2.AwsSecurityCredentialsSupplier;
import com.google.auth.oauth2.ExternalAccountSupplierContext;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one secret schema of the poller: the secret's value is a Google credential file, as Google
 * writes it, of one of two types.
 * <ul>
 *   <li>{@code "type": "external_account"} (recommended: no long-lived key): a workload identity
 *       federation configuration with AWS as the identity provider
 *       ({@code gcloud iam workload-identity-pools create-cred-config ... --aws}). The function
 *       proves its own role to Google's STS with a signed GetCallerIdentity request and gets a
 *       short-lived token, optionally impersonating a service account.</li>
 *   <li>{@code "type": "service_account"}: a service-account key file.</li>
 * </ul>
 * The project and subscription are the config's: a key's {@code project_id} is ignored. Errors name
 * the secret and the field, never a value.
 */
final class GoogleCredentialsReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The AWS credentials and region the function signs with (its own role's, from the Lambda environment). */
    interface AwsIdentity {
        /** @return the region, e.g. eu-west-1 */
        String region();

        /** @return the role's current credentials */
        AwsSecurityCredentials credentials();
    }

    private final HttpTransportFactory transport;
    private final Supplier<AwsIdentity> aws;

    /**
     * @param transport the HTTP transport for token calls, null for google-auth's default
     * @param aws the function's AWS identity, read only for an external_account credential
     */
    GoogleCredentialsReader(HttpTransportFactory transport, Supplier<AwsIdentity> aws) {
        this.transport = transport;
        this.aws = Objects.requireNonNull(aws, "aws");
    }

    GoogleCredentials read(String secretName, String value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (IOException e) {
            throw new CredentialsException("secret " + secretName + " is not JSON; store the Google credential file "
                    + "itself (type external_account or service_account)");
        }
        if (root == null || !root.isObject()) {
            throw new CredentialsException("secret " + secretName + " is not a JSON object; store the Google credential "
                    + "file itself (type external_account or service_account)");
        }
        if (root.has("service_account_json") || root.has("serviceAccountKey")) {
            throw new CredentialsException("secret " + secretName + " wraps the credential in "
                    + (root.has("service_account_json") ? "service_account_json" : "serviceAccountKey")
                    + " (a reference-framework format); store the inner credential file alone");
        }
        String type = root.path("type").asText("");
        return switch (type) {
            case "service_account" -> serviceAccount(secretName, root);
            case "external_account" -> externalAccount(secretName, root);
            default -> throw new CredentialsException("secret " + secretName + " has type '" + printable(type)
                    + "'; expected external_account (workload identity federation) or service_account");
        };
    }

    private GoogleCredentials serviceAccount(String secretName, JsonNode root) {
        require(secretName, root, "client_email", "private_key", "private_key_id");
        if (!root.path("private_key").asText().contains("-----BEGIN PRIVATE KEY-----")) {
            throw new CredentialsException("secret " + secretName + ": private_key is not a PEM private key "
                    + "(-----BEGIN PRIVATE KEY-----)");
        }
        try {
            byte[] bytes = JSON.writeValueAsBytes(root);
            return transport == null
                    ? ServiceAccountCredentials.fromStream(new ByteArrayInputStream(bytes))
                    : ServiceAccountCredentials.fromStream(new ByteArrayInputStream(bytes), transport);
        } catch (IOException | RuntimeException e) {
            // google-auth's messages may quote the key: only the kind of failure is passed on.
            throw new CredentialsException("secret " + secretName + ": the service-account key cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private GoogleCredentials externalAccount(String secretName, JsonNode root) {
        require(secretName, root, "audience", "subject_token_type", "token_url");
        JsonNode source = root.path("credential_source");
        if (!source.path("environment_id").asText("").startsWith("aws")) {
            throw new CredentialsException("secret " + secretName + ": credential_source is not AWS (environment_id "
                    + "aws1): the poller federates with its own Lambda role; create the configuration with "
                    + "gcloud iam workload-identity-pools create-cred-config ... --aws");
        }
        String subjectType = root.path("subject_token_type").asText();
        if (!subjectType.equals("urn:ietf:params:aws:token-type:aws4_request")) {
            throw new CredentialsException("secret " + secretName + ": subject_token_type must be "
                    + "urn:ietf:params:aws:token-type:aws4_request for AWS");
        }
        AwsCredentials.Builder builder = AwsCredentials.newBuilder()
                .setAudience(root.path("audience").asText())
                .setSubjectTokenType(subjectType)
                .setTokenUrl(root.path("token_url").asText())
                .setAwsSecurityCredentialsSupplier(new RoleSupplier(aws))
                .setScopes(List.of(PubSubClient.PUBSUB_SCOPE));
        String verification = source.path("regional_cred_verification_url").asText("");
        if (!verification.isBlank()) {
            builder.setRegionalCredentialVerificationUrlOverride(verification);
        }
        String impersonation = root.path("service_account_impersonation_url").asText("");
        if (!impersonation.isBlank()) {
            builder.setServiceAccountImpersonationUrl(impersonation);
        }
        if (transport != null) {
            builder.setHttpTransportFactory(transport);
        }
        return builder.build();
    }

    private static void require(String secretName, JsonNode root, String... fields) {
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            if (!root.path(field).isTextual() || root.path(field).asText().isBlank()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new CredentialsException("secret " + secretName + " (type " + root.path("type").asText()
                    + ") has no " + String.join(", ", missing));
        }
    }

    private static String printable(String type) {
        return type.length() <= 24 && type.matches("[a-z_]*") ? type : "(" + type.length() + " characters)";
    }

    /** Hands google-auth the function's role credentials: no AWS key is ever stored. */
    private static final class RoleSupplier implements AwsSecurityCredentialsSupplier {
        private static final long serialVersionUID = 1L;
        private final transient Supplier<AwsIdentity> aws;

        RoleSupplier(Supplier<AwsIdentity> aws) {
            this.aws = aws;
        }

        @Override
        public String getRegion(ExternalAccountSupplierContext context) {
            return aws.get().region();
        }

        @Override
        public AwsSecurityCredentials getCredentials(ExternalAccountSupplierContext context) {
            return aws.get().credentials();
        }
    }

    /** @return the function's identity from the Lambda environment, through the AWS SDK's default chain */
    static Supplier<AwsIdentity> lambdaRole() {
        return () -> new AwsIdentity() {
            @Override
            public String region() {
                return new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain().getRegion().id();
            }

            @Override
            public AwsSecurityCredentials credentials() {
                var resolved = software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build()
                        .resolveCredentials();
                String session = resolved instanceof software.amazon.awssdk.auth.credentials.AwsSessionCredentials s
                        ? s.sessionToken() : null;
                return new AwsSecurityCredentials(resolved.accessKeyId(), resolved.secretAccessKey(), session);
            }
        };
    }
}
