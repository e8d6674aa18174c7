/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials secret, one documented schema (modules/azure/README.md), checked when a run
 * starts. Either a SAS connection string of a listen-only rule, or an Entra ID service principal.
 * Error messages name the secret and the field, never a value; {@link #toString()} shows none.
 *
 * @param namespace the fully qualified namespace, e.g. {@code contoso.servicebus.windows.net}
 * @param eventHub the Event Hub
 * @param consumerGroup the secret's consumer group, when it names one
 * @param auth how to authenticate
 */
public record AzureCredentials(String namespace, String eventHub, Optional<String> consumerGroup, Auth auth) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The name of the namespace's root rule, which may manage and send, not only listen. */
    static final String ROOT_RULE = "RootManageSharedAccessKey";

    /** How the processor authenticates to Event Hubs. */
    public sealed interface Auth {
    }

    /**
     * A shared access signature connection string (of a listen-only rule).
     *
     * @param connectionString the whole string
     * @param hasEntityPath whether it names the Event Hub itself
     */
    public record SharedAccess(String connectionString, boolean hasEntityPath) implements Auth {
        @Override
        public String toString() {
            return "SharedAccess[connectionString=(" + connectionString.length() + " characters)]";
        }
    }

    /**
     * An Entra ID service principal (app registration) with a client secret.
     *
     * @param tenantId the directory (tenant) id
     * @param clientId the application (client) id
     * @param clientSecret the client secret
     */
    public record ServicePrincipal(String tenantId, String clientId, String clientSecret) implements Auth {
        @Override
        public String toString() {
            return "ServicePrincipal[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=("
                    + clientSecret.length() + " characters)]";
        }
    }

    /**
     * @param secretName the secret's name, for messages
     * @param value the secret's value
     * @return the credentials
     * @throws InvalidCredentialsException naming the secret and the field that is wrong
     */
    public static AzureCredentials parse(String secretName, String value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidCredentialsException(secretName, "is not a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCredentialsException(secretName, "is not a JSON object");
        }
        Optional<String> connection = text(root, "connectionString");
        Optional<String> clientSecret = text(root, "clientSecret");
        if (connection.isPresent() && clientSecret.isPresent()) {
            throw new InvalidCredentialsException(secretName, "has both connectionString and clientSecret; keep one "
                    + "way to authenticate");
        }
        Optional<String> group = text(root, "consumerGroup");
        if (connection.isPresent()) {
            return sharedAccess(secretName, root, connection.get(), group);
        }
        if (clientSecret.isPresent() || root.has("tenantId") || root.has("clientId")) {
            ServicePrincipal principal = new ServicePrincipal(required(secretName, root, "tenantId"),
                    required(secretName, root, "clientId"), required(secretName, root, "clientSecret"));
            return new AzureCredentials(required(secretName, root, "eventHubNamespace"),
                    required(secretName, root, "eventHubName"), group, principal);
        }
        throw new InvalidCredentialsException(secretName, "has neither connectionString nor tenantId, clientId and "
                + "clientSecret (fields: " + String.join(", ", (Iterable<String>) root::fieldNames) + ")");
    }

    private static AzureCredentials sharedAccess(String secretName, JsonNode root, String connection,
            Optional<String> group) {
        Map<String, String> parts = parts(connection);
        String endpoint = parts.getOrDefault("endpoint", "");
        if (!endpoint.startsWith("sb://")) {
            throw new InvalidCredentialsException(secretName, "field connectionString has no Endpoint=sb://...");
        }
        String keyName = parts.getOrDefault("sharedaccesskeyname", "");
        if (keyName.isEmpty() || !parts.containsKey("sharedaccesskey")) {
            throw new InvalidCredentialsException(secretName, "field connectionString has no SharedAccessKeyName "
                    + "and SharedAccessKey");
        }
        if (keyName.equals(ROOT_RULE)) {
            throw new InvalidCredentialsException(secretName, "field connectionString uses the namespace's "
                    + ROOT_RULE + ", which may manage and send; create a listen-only rule on the Event Hub and "
                    + "store its connection string (modules/azure/README.md)");
        }
        String host = endpoint.substring("sb://".length()).replaceAll("/+$", "");
        Optional<String> entityPath = Optional.ofNullable(parts.get("entitypath")).filter(s -> !s.isBlank());
        String hub = entityPath.or(() -> text(root, "eventHubName")).orElseThrow(() ->
                new InvalidCredentialsException(secretName, "has no field eventHubName and its connectionString "
                        + "has no EntityPath"));
        if (entityPath.isPresent() && text(root, "eventHubName").filter(name -> !name.equals(entityPath.get()))
                .isPresent()) {
            throw new InvalidCredentialsException(secretName, "field eventHubName names another Event Hub than the "
                    + "connectionString's EntityPath");
        }
        return new AzureCredentials(text(root, "eventHubNamespace").orElse(host), hub, group,
                new SharedAccess(connection, entityPath.isPresent()));
    }

    /** Key=value pairs separated by ';', keys lower-cased; a value may itself hold '='. */
    static Map<String, String> parts(String connection) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : connection.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        return parts;
    }

    private static String required(String secretName, JsonNode root, String field) {
        return text(root, field).orElseThrow(() -> new InvalidCredentialsException(secretName, "has no text field "
                + field));
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().trim())
                : Optional.empty();
    }

    /** The secret does not follow the schema; the message never holds a value. */
    public static final class InvalidCredentialsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidCredentialsException(String secretName, String problem) {
            super("secret " + secretName + " " + problem);
        }
    }
}
