/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credentials secret's one schema: what it accepts, and messages that never show a value. */
class AzureCredentialsTest {
    private static final String KEY = "c2VjcmV0LWtleS12YWx1ZS0xMjM0NTY3ODkw=";

    @Test
    void aListenOnlyConnectionStringWithTheEventHubNamed() {
        AzureCredentials credentials = AzureCredentials.parse("s", "{\"eventHubName\": \"defender\", "
                + "\"consumerGroup\": \"slk\", \"connectionString\": \"Endpoint=sb://contoso.servicebus.windows.net/;"
                + "SharedAccessKeyName=slk-listen;SharedAccessKey=" + KEY + "\"}");
        assertEquals("contoso.servicebus.windows.net", credentials.namespace());
        assertEquals("defender", credentials.eventHub());
        assertEquals(Optional.of("slk"), credentials.consumerGroup());
        AzureCredentials.SharedAccess shared = assertInstanceOf(AzureCredentials.SharedAccess.class,
                credentials.auth());
        assertFalse(shared.hasEntityPath());
        assertFalse(credentials.toString().contains(KEY), credentials.toString());
    }

    @Test
    void anEntityPathNamesTheEventHub() {
        AzureCredentials credentials = AzureCredentials.parse("s", "{\"connectionString\": \"Endpoint=sb://c.servicebus"
                + ".windows.net/;SharedAccessKeyName=listen;SharedAccessKey=" + KEY + ";EntityPath=audit\"}");
        assertEquals("audit", credentials.eventHub());
        assertTrue(((AzureCredentials.SharedAccess) credentials.auth()).hasEntityPath());
    }

    @Test
    void theRootManageKeyIsRefused() {
        String message = assertThrows(AzureCredentials.InvalidCredentialsException.class, () -> AzureCredentials
                .parse("azure-eventhub-credentials", "{\"eventHubName\": \"h\", \"connectionString\": \"Endpoint=sb://c"
                        + ".servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey="
                        + KEY + "\"}")).getMessage();
        assertTrue(message.startsWith("secret azure-eventhub-credentials field connectionString uses the namespace's "
                + "RootManageSharedAccessKey"), message);
        assertFalse(message.contains(KEY.substring(0, 8)), message);
    }

    @Test
    void aServicePrincipal() {
        AzureCredentials credentials = AzureCredentials.parse("s", "{\"eventHubNamespace\": \"c.servicebus.windows.net\","
                + " \"eventHubName\": \"h\", \"tenantId\": \"t\", \"clientId\": \"app\", \"clientSecret\": \"" + KEY
                + "\"}");
        AzureCredentials.ServicePrincipal principal = assertInstanceOf(AzureCredentials.ServicePrincipal.class,
                credentials.auth());
        assertEquals("app", principal.clientId());
        assertEquals(Optional.empty(), credentials.consumerGroup());
        assertFalse(credentials.toString().contains(KEY), credentials.toString());
    }

    @Test
    void eachMissingFieldIsNamedAndNoValueIsShown() {
        assertMessage("{\"eventHubName\": \"h\", \"tenantId\": \"t\", \"clientSecret\": \"" + KEY + "\"}",
                "secret s has no text field clientId");
        assertMessage("{\"eventHubName\": \"h\", \"tenantId\": \"t\", \"clientId\": \"c\", \"clientSecret\": \"" + KEY
                + "\"}", "secret s has no text field eventHubNamespace");
        assertMessage("{\"connectionString\": \"Endpoint=sb://c/;SharedAccessKeyName=l;SharedAccessKey=" + KEY + "\"}",
                "secret s has no field eventHubName and its connectionString has no EntityPath");
        assertMessage("{\"connectionString\": \"SharedAccessKeyName=l;SharedAccessKey=" + KEY + "\"}",
                "secret s field connectionString has no Endpoint=sb://...");
        assertMessage("{\"connectionString\": \"Endpoint=sb://c/;SharedAccessKey=" + KEY + "\"}",
                "secret s field connectionString has no SharedAccessKeyName and SharedAccessKey");
        assertMessage("{\"eventHubName\": \"h\"}", "secret s has neither connectionString nor tenantId, clientId and "
                + "clientSecret (fields: eventHubName)");
        assertMessage("not json " + KEY, "secret s is not a JSON object");
        assertMessage("[1]", "secret s is not a JSON object");
        assertMessage("{\"connectionString\": \"Endpoint=sb://c/;SharedAccessKeyName=l;SharedAccessKey=k\", "
                + "\"clientSecret\": \"" + KEY + "\"}", "secret s has both connectionString and clientSecret; keep one "
                + "way to authenticate");
        assertMessage("{\"eventHubName\": \"other\", \"connectionString\": \"Endpoint=sb://c/;SharedAccessKeyName=l;"
                + "SharedAccessKey=k;EntityPath=h\"}", "secret s field eventHubName names another Event Hub than the "
                + "connectionString's EntityPath");
    }

    private static void assertMessage(String value, String expected) {
        String message = assertThrows(AzureCredentials.InvalidCredentialsException.class,
                () -> AzureCredentials.parse("s", value)).getMessage();
        assertEquals(expected, message);
    }
}
