/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.ChronoUnit;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The source's credentials, read from the module's secret through Powertools parameters, which
 * caches the value so that most runs make no Secrets Manager call. The secret is a JSON object:
 * {@code {"apiKey": "..."}}.
 */
final class CredentialsSource {
    /** How long a read secret is reused; a rotated secret is picked up within this time. */
    static final int CACHE_MINUTES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsProvider secrets;
    private final String secretName;

    CredentialsSource(SecretsProvider secrets, String secretName) {
        this.secrets = secrets;
        this.secretName = secretName;
    }

    /**
     * @return the credentials
     * @throws IllegalStateException when the secret is not a JSON object with an apiKey; the
     *     message names the secret, never its value
     */
    Credentials get() {
        String value = secrets.withMaxAge(CACHE_MINUTES, ChronoUnit.MINUTES).get(secretName);
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secret " + secretName + " is not JSON; store {\"apiKey\": \"...\"}");
        }
        String apiKey = root == null ? "" : root.path("apiKey").asText("");
        if (apiKey.isBlank()) {
            throw new IllegalStateException("secret " + secretName + " has no apiKey field; store {\"apiKey\": \"...\"}");
        }
        return new Credentials(apiKey);
    }

    /**
     * The source's credentials.
     *
     * @param apiKey the API key sent as a bearer token
     */
    record Credentials(String apiKey) {
        /** Never shows the key, so that logging the record cannot leak it. */
        @Override
        public String toString() {
            return "Credentials[apiKey=(" + apiKey.length() + " characters)]";
        }
    }
}
