package dev.slk.lambda.customsource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Removes secrets from text that leaves the function. AWS error messages may quote the request
 * (a validation error names the offending value), so every message that came from an AWS
 * service passes through here before it reaches the log or CloudFormation's Reason field.
 * Thread-safe: the worker registers the secret, the handler thread redacts the final reason.
 */
final class Redactor {
    static final String MASK = "<redacted>";

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    void register(ExternalId id) {
        secrets.add(id.reveal());
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
