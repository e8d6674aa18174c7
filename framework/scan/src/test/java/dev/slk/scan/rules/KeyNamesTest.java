package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyNamesTest {

    private static final List<String> GENERIC_KEYWORDS = SecretRules.catalogue().stream()
            .filter(r -> r.id().equals("generic-secret-assignment")).findFirst().orElseThrow().keywords();

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "DB_PASSWORD", "dbPassword", "db-password", "db.password",
        "spring.datasource.password", "passwd", "pwd", "DB_PASS", "passphrase", "secret", "clientSecret",
        "client_secret", "CLIENT_SECRET", "SECRET_KEY", "secretKey", "token", "accessToken", "access_token",
        "AUTH_TOKEN", "authtoken", "api_key", "apiKey", "API_KEY", "ApiKey", "APIKey", "api-key", "apikey",
        "x.api.key", "private_key", "privateKey", "auth_key", "SecretString", "token_value", "apiKeyValue",
        "this.password", "webhookSecret", "id_token", "csrf_token"})
    void holdSecrets(String key) {
        assertTrue(KeyNames.holdsSecret(key), key);
        String lower = key.toLowerCase(Locale.ROOT);
        assertTrue(GENERIC_KEYWORDS.stream().anyMatch(lower::contains), "no keyword in " + key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secretName", "secret_name", "tokenArn", "token_arn", "password_file", "passwordFile",
        "secret_ref", "secretRef", "passwordPolicy", "password_length", "token_url", "tokenEndpoint", "tokenType",
        "NextToken", "nextToken", "next_token", "pageToken", "continuationToken", "max_tokens", "tokenizer",
        "public_key", "key", "key_id", "access_key_id", "aws_access_key_id", "passwordHash", "bypass", "compass",
        "OLDPWD", "secretsManager", "secret_arn", "API__KEY", "monkey", "privateKeyPath", "EXAMPLE_PASSWORD",
        "sampleToken", "AWS_DOC_EXAMPLE_SECRET", "dummy_api_key"})
    void nameOrDescribeSecrets(String key) {
        assertFalse(KeyNames.holdsSecret(key), key);
    }

    @Test
    void everyKeyThatHoldsASecretHasAKeywordOfTheGenericRule() {
        List<String> pieces = List.of("api", "API", "Api", "key", "Key", "KEY", "_", "-", ".", "__", "password",
                "Password", "PASS", "pwd", "Token", "token", "secret", "SECRET", "auth", "Auth", "private", "Private",
                "db", "x", "value", "Value", "next", "passphrase", "apikey", "AuthKey", "ApiKEY");
        Random random = new Random(7);
        int holding = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder key = new StringBuilder("k");
            for (int n = random.nextInt(4) + 1; n > 0; n--) {
                key.append(pieces.get(random.nextInt(pieces.size())));
            }
            if (KeyNames.holdsSecret(key.toString())) {
                holding++;
                String lower = key.toString().toLowerCase(Locale.ROOT);
                assertTrue(GENERIC_KEYWORDS.stream().anyMatch(lower::contains), "no keyword in " + key);
            }
        }
        assertTrue(holding > 1000, "only " + holding + " keys held a secret");
    }

    @Test
    void splitsKeysIntoWords() {
        assertEquals(List.of("db", "password"), KeyNames.words("dbPassword"));
        assertEquals(List.of("api", "key"), KeyNames.words("APIKey"));
        assertEquals(List.of("api", "key"), KeyNames.words("API_KEY"));
        assertEquals(List.of("spring", "datasource", "password"), KeyNames.words("spring.datasource.password"));
        assertEquals(List.of("oauth2", "token"), KeyNames.words("oauth2Token"));
        assertEquals(List.of(), KeyNames.words("__"));
    }

    @Test
    void awsAndAzureKeys() {
        assertTrue(KeyNames.awsSecretAccessKey("aws_secret_access_key"));
        assertTrue(KeyNames.awsSecretAccessKey("SecretAccessKey"));
        assertTrue(KeyNames.awsSecretAccessKey("AWS_SECRET"));
        assertFalse(KeyNames.awsSecretAccessKey("aws_access_key_id"));
        assertTrue(KeyNames.awsSessionToken("aws_session_token"));
        assertTrue(KeyNames.awsSessionToken("SessionToken"));
        assertTrue(KeyNames.awsSessionToken("aws_security_token"));
        assertFalse(KeyNames.awsSessionToken("session_id"));
        assertTrue(KeyNames.clientSecret("AZURE_CLIENT_SECRET"));
        assertTrue(KeyNames.azureSecret("azureSecret"));
        assertFalse(KeyNames.azureSecret("client_secret"));
    }
}
