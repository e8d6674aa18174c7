/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auth.oauth2.AwsCredentials;
import com.google.auth.oauth2.AwsSecurityCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one secret schema: both credential types work against loopback token endpoints; bad secrets say why without a value. */
class GoogleCredentialsReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "//iam.googleapis.com/projects/123456789/locations/global/"
            + "workloadIdentityPools/aws-pool/providers/aws-lambda";
    private static final String SECRET_MARK = "zz-secret-value-zz";

    private static final GoogleCredentialsReader.AwsIdentity ROLE = new GoogleCredentialsReader.AwsIdentity() {
        @Override
        public String region() {
            return "eu-west-1";
        }

        @Override
        public AwsSecurityCredentials credentials() {
            return new AwsSecurityCredentials("ASIALOCALTESTING", new StringBuilder("gnitset-lacol").toString(),
                    "session-token-local");
        }
    };

    private static GoogleCredentialsReader reader() {
        return new GoogleCredentialsReader(null, () -> ROLE);
    }

    private static String pem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair()
                .getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void aServiceAccountKeyGetsATokenFromItsTokenUri() throws Exception {
        try (TokenServer google = new TokenServer()) {
            ObjectNode key = JSON.createObjectNode().put("type", "service_account").put("project_id", "key-project")
                    .put("private_key_id", "k1").put("private_key", pem())
                    .put("client_email", "scc-reader@acme-scc-4711.iam.gserviceaccount.com").put("client_id", "1")
                    .put("token_uri", google.url("/token"));
            GoogleCredentials credentials = reader().read("gcp-scc", key.toString());
            assertInstanceOf(ServiceAccountCredentials.class, credentials);
            String token = credentials.createScoped(List.of(PubSubClient.PUBSUB_SCOPE)).refreshAccessToken().getTokenValue();
            assertEquals("local-service-account-token", token);
            TokenServer.Request request = google.requests().get(0);
            assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", request.form().get("grant_type"));
        }
    }

    @Test
    void anExternalAccountExchangesTheFunctionsSignedRoleIdentityAndImpersonates(@TempDir Path dir) throws Exception {
        try (TokenServer google = new TokenServer(TokenServer.keyStore(dir))) {
            ObjectNode config = JSON.createObjectNode().put("type", "external_account").put("audience", AUDIENCE)
                    .put("subject_token_type", "urn:ietf:params:aws:token-type:aws4_request")
                    .put("token_url", google.url("/v1/token"))
                    .put("service_account_impersonation_url", google.url("/v1/projects/-/serviceAccounts/"
                            + "scc-reader@acme-scc-4711.iam.gserviceaccount.com:generateAccessToken"));
            config.putObject("credential_source").put("environment_id", "aws1")
                    .put("region_url", "http://169.254.169.254/latest/meta-data/placement/availability-zone")
                    .put("regional_cred_verification_url",
                            "https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15");
            GoogleCredentials credentials = new GoogleCredentialsReader(google.transport(), () -> ROLE)
                    .read("gcp-scc", config.toString());
            assertInstanceOf(AwsCredentials.class, credentials);
            assertEquals("local-impersonated-token", credentials.refreshAccessToken().getTokenValue());
            TokenServer.Request exchange = google.requests().get(0);
            assertEquals("/v1/token", exchange.path());
            assertEquals(AUDIENCE, exchange.form().get("audience"));
            // The subject token is the signed GetCallerIdentity request as URL-encoded JSON.
            String subject = java.net.URLDecoder.decode(exchange.form().get("subject_token"),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(subject.contains("sts.eu-west-1.amazonaws.com"), subject);
            assertTrue(subject.contains("GetCallerIdentity"), subject);
            assertTrue(subject.contains("AWS4-HMAC-SHA256 Credential=ASIALOCALTESTING/"), subject);
            assertTrue(subject.contains("x-goog-cloud-target-resource"), subject);
            assertTrue(subject.contains("session-token-local"), subject);
            assertFalse(subject.contains("gnitset-lacol"), "the AWS secret key itself is never sent");
            TokenServer.Request impersonation = google.requests().get(1);
            assertEquals("Bearer sts-federated", impersonation.authorization());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json " + SECRET_MARK,
        "[\"" + SECRET_MARK + "\"]",
        "{\"service_account_json\": \"" + SECRET_MARK + "\"}",
        "{\"projectId\": \"p\", \"serviceAccountKey\": \"" + SECRET_MARK + "\"}",
        "{\"type\": \"" + SECRET_MARK + "\"}",
        "{\"type\": \"service_account\", \"client_email\": \"a@b\", \"private_key_id\": \"k\", \"private_key\": \"" + SECRET_MARK + "\"}",
        "{\"type\": \"service_account\", \"private_key\": \"" + SECRET_MARK + "\"}",
        "{\"type\": \"service_account\", \"client_email\": \"a@b\", \"private_key_id\": \"k\", "
                + "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + SECRET_MARK + "\\n-----END PRIVATE KEY-----\"}",
        "{\"type\": \"external_account\", \"audience\": \"a\", \"subject_token_type\": \"urn:ietf:params:aws:token-type:aws4_request\", "
                + "\"token_url\": \"http://x\", \"credential_source\": {\"file\": \"/" + SECRET_MARK + "\"}}",
        "{\"type\": \"external_account\", \"audience\": \"a\", \"subject_token_type\": \"urn:ietf:params:oauth:token-type:jwt\", "
                + "\"token_url\": \"http://x\", \"credential_source\": {\"environment_id\": \"aws1\"}}",
        "{\"type\": \"external_account\", \"audience\": \"" + SECRET_MARK + "\"}"})
    void anUnusableSecretIsRefusedWithAMessageThatNamesItAndQuotesNoValue(String value) {
        CredentialsException e = assertThrows(CredentialsException.class, () -> reader().read("gcp-scc", value));
        assertTrue(e.getMessage().startsWith("secret gcp-scc"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET_MARK), e.getMessage());
    }
}
