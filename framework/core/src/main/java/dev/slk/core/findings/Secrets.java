package dev.slk.core.findings;

import java.util.regex.Pattern;

/** Keeps secret values out of messages: no finding, log line or report prints one whole. */
public final class Secrets {
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(secret|password|passwd|token|externalid|external_id|apikey|api_key|credential|privatekey|private_key|connectionstring|accountkey|sharedaccesskey).*");

    private static final Pattern REFERENCE_KEY = Pattern.compile("(?i).*(name|arn|path|ref|reference)$");

    private Secrets() {
    }

    /**
     * @param key a configuration key name
     * @return true when the key's value should be treated as a secret
     */
    public static boolean isSecretKey(String key) {
        // credentialsSecretName, tokenArn, secretPath: these name a secret, they are not one.
        return SECRET_KEY.matcher(key).matches() && !REFERENCE_KEY.matcher(key).matches();
    }

    /**
     * At most the first 4 characters, then the length.
     *
     * @param value a secret
     * @return e.g. {@code 'REPL...' (34 characters)}
     */
    public static String redact(String value) {
        String shown = value.length() <= 8 ? "" : value.substring(0, 4);
        return "'" + shown + "...' (" + value.codePointCount(0, value.length()) + " characters)";
    }
}
