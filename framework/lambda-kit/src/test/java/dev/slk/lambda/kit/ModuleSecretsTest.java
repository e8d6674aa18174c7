package dev.slk.lambda.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class ModuleSecretsTest {
    private final String clientSecret = UUID.randomUUID().toString();
    private FakeSecretsManager aws;
    private SecretsManagerClient client;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeSecretsManager();
        client = aws.client();
    }

    @AfterEach
    void stop() {
        client.close();
        aws.close();
        assertEquals(List.of(), aws.problems());
    }

    @Test
    void aSecretIsReadOnceAndReusedWithinItsMaxAge() {
        aws.secret("slk/azure/credentials", "{\"clientId\": \"app\", \"clientSecret\": \"" + clientSecret + "\"}");
        ModuleSecrets secrets = ModuleSecrets.create(client, Duration.ofMinutes(5));

        assertEquals(clientSecret, secrets.get("slk/azure/credentials").field("clientSecret"));
        assertEquals("app", secrets.get("slk/azure/credentials").field("clientId"));

        assertEquals(List.of("slk/azure/credentials"), aws.reads());
    }

    @Test
    void eachProviderHasItsOwnCache() {
        aws.secret("s", "v-" + clientSecret);

        assertEquals("v-" + clientSecret, ModuleSecrets.create(client).get("s").value());
        assertEquals("v-" + clientSecret, ModuleSecrets.create(client).get("s").value());

        assertEquals(List.of("s", "s"), aws.reads());
    }

    @Test
    void aMissingOrDeniedSecretIsNamedWithTheErrorCode() {
        aws.deny("locked");
        ModuleSecrets secrets = ModuleSecrets.create(client);

        SecretUnavailableException missing = assertThrows(SecretUnavailableException.class, () -> secrets.get("gone"));
        SecretUnavailableException locked = assertThrows(SecretUnavailableException.class, () -> secrets.get("locked"));

        assertEquals("secret gone could not be read: ResourceNotFoundException", missing.getMessage());
        assertEquals("secret locked could not be read: AccessDeniedException", locked.getMessage());
        assertEquals("no secret name given (the module passes the name to the function in its environment)",
                assertThrows(SecretUnavailableException.class, () -> secrets.get(" ")).getMessage());
    }

    @Test
    void aSecretThatIsNotTheExpectedJsonIsReportedWithoutItsValue() {
        aws.secret("plain", "not-json-" + clientSecret).secret("other", "{\"token\": \"" + clientSecret + "\"}");
        ModuleSecrets secrets = ModuleSecrets.create(client);

        String notJson = assertThrows(SecretUnavailableException.class, () -> secrets.get("plain").field("clientSecret"))
                .getMessage();
        String noField = assertThrows(SecretUnavailableException.class, () -> secrets.get("other").field("clientSecret"))
                .getMessage();

        assertEquals("secret plain is not a JSON object; store {\"clientSecret\": \"...\"}", notJson);
        assertEquals("secret other has no text field clientSecret (fields: token)", noField);
    }

    @Test
    void aSecretShowsItsNameAndLengthButNeverItsValue() {
        aws.secret("s", clientSecret);

        Secret secret = ModuleSecrets.create(client).get("s");

        assertEquals("Secret[name=s, value=(36 characters)]", secret.toString());
        assertFalse(secret.toString().contains(clientSecret.substring(0, 4)));
        assertTrue(secret.value().equals(clientSecret));
    }

    @Test
    void aMaxAgeUnderOneSecondIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModuleSecrets.create(client, Duration.ofMillis(500)));
    }
}
