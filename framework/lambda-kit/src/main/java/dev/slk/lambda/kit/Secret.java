package dev.slk.lambda.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * A secret's value, read by {@link ModuleSecrets}. {@link #toString()} shows the name and the
 * length only, so logging a secret by mistake does not leak it; {@link #value()} and
 * {@link #field(String)} are the only ways to the value, and their errors never quote it.
 */
public final class Secret {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String value;

    Secret(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the secret's name (or ARN) as it was asked for */
    public String name() {
        return name;
    }

    /** @return the value: never log it, never put it in an exception message or a response */
    public String value() {
        return value;
    }

    /**
     * For secrets stored as a JSON object, such as {@code {"clientId": "...", "clientSecret": "..."}}.
     *
     * @param field the field's name
     * @return the field's text
     * @throws SecretUnavailableException when the value is not a JSON object or the field is
     *     missing, blank or not text; the message names the secret and the field, never the value
     */
    public String field(String field) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the text it could not read: not passed on.
            throw new SecretUnavailableException("secret " + name + " is not a JSON object; store {\"" + field + "\": \"...\"}");
        }
        if (root == null || !root.isObject()) {
            throw new SecretUnavailableException("secret " + name + " is not a JSON object; store {\"" + field + "\": \"...\"}");
        }
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new SecretUnavailableException("secret " + name + " has no text field " + field + " (fields: "
                    + String.join(", ", (Iterable<String>) root::fieldNames) + ")");
        }
        return v.asText();
    }

    /** @return the name and the value's length, never the value */
    @Override
    public String toString() {
        return "Secret[name=" + name + ", value=(" + value.length() + " characters)]";
    }
}
