/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

class CredentialsSourceTest {
    private final String apiKey = UUID.randomUUID().toString();
    private FakeAws aws;
    private SecretsManagerClient client;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws();
        client = TestAws.secretsManager(aws.endpoint());
    }

    @AfterEach
    void stop() {
        client.close();
        aws.close();
        assertTrue(aws.problems().isEmpty(), aws.problems().toString());
    }

    private CredentialsSource source(String name) {
        return new CredentialsSource(SecretsProvider.builder().withClient(client).build(), name);
    }

    @Test
    void readsTheApiKeyOnceAndReusesIt() {
        aws.secret("{{secretName}}", "{\"apiKey\": \"" + apiKey + "\"}");
        CredentialsSource source = source("{{secretName}}");
        assertEquals(apiKey, source.get().apiKey());
        assertEquals(apiKey, source.get().apiKey());
        assertEquals(List.of("{{secretName}}"), aws.secretReads());
    }

    @Test
    void neverShowsTheKey() {
        String shown = new CredentialsSource.Credentials(apiKey).toString();
        assertFalse(shown.contains(apiKey), shown);
        assertTrue(shown.contains("36 characters"), shown);
    }

    @Test
    void aSecretWithoutApiKeyIsReportedByName() {
        aws.secret("no-key", "{\"token\": \"" + apiKey + "\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> source("no-key").get());
        assertEquals("secret no-key has no apiKey field; store {\"apiKey\": \"...\"}", e.getMessage());
    }

    @Test
    void aSecretThatIsNotJsonIsReportedWithoutItsValue() {
        aws.secret("plain", apiKey);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> source("plain").get());
        assertFalse(e.getMessage().contains(apiKey), e.getMessage());
    }
}
