package dev.slk.scan.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from the key of an assignment whether its value is a secret. The last word of the key
 * carries the meaning: {@code dbPassword} holds a password, {@code passwordPolicy} and
 * {@code secretName} only name or describe one.
 */
final class KeyNames {

    /** Last words that hold a secret. "pass" and "pwd" only as whole words ("bypass", "oldpwd"). */
    private static final Set<String> SECRET_WORDS = Set.of(
            "password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "secretkey",
            "authkey", "pass", "pwd");

    /** Suffixes that hold a secret even when glued to the word before ("dbpassword", "authtoken"). */
    private static final List<String> GLUED_SUFFIXES = List.of(
            "password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "secretkey", "authkey");

    /** Words before "key" that make it a secret key; "public_key" or "key_id" are not secrets. */
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "secret", "auth");

    /** Words after a secret word that still mean its value ("SecretString", "token_value"). */
    private static final Set<String> VALUE_WORDS = Set.of("value", "string", "str", "plain", "plaintext", "b64");

    /** Words before "token" that make it a paging cursor, not a credential ("NextToken"). */
    private static final Set<String> CURSOR_QUALIFIERS = Set.of(
            "next", "page", "continuation", "pagination", "cursor", "sync", "resume", "max", "min", "num");

    /** Every key that holds a secret contains one of these. */
    private static final List<String> MUST_HAVE = List.of("pass", "pwd", "secret", "token", "key");

    /** A key that says its value is an example does not hold a live secret ("EXAMPLE_PASSWORD"). */
    private static final Set<String> EXAMPLE_WORDS = Set.of("example", "sample", "dummy", "placeholder");

    private KeyNames() {
    }

    /**
     * @param key an assignment key, e.g. {@code DB_PASSWORD}, {@code spring.datasource.password}
     * @return whether the key holds a secret in the generic sense (password, token, api key, ...)
     */
    static boolean holdsSecret(String key) {
        // Most keys name no secret at all; rule them out before splitting them into words, without
        // allocating: this runs for every key on every line that holds a keyword.
        if (!containsAnyIgnoringCase(key, MUST_HAVE)) {
            return false;
        }
        List<String> words = words(key);
        for (String word : words) {
            if (EXAMPLE_WORDS.contains(word)) {
                return false;
            }
        }
        if (words.size() > 1 && VALUE_WORDS.contains(words.get(words.size() - 1))) {
            words = words.subList(0, words.size() - 1);
        }
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        String before = words.size() > 1 ? words.get(words.size() - 2) : "";
        if (last.equals("key")) {
            return KEY_QUALIFIERS.contains(before) && gluedOnce(key, before);
        }
        if (SECRET_WORDS.contains(last)) {
            return !CURSOR_QUALIFIERS.contains(before);
        }
        for (String suffix : GLUED_SUFFIXES) {
            if (last.endsWith(suffix)) {
                return !CURSOR_QUALIFIERS.contains(last.substring(0, last.length() - suffix.length()));
            }
        }
        return false;
    }

    /** @return whether {@code s} contains one of the lower-case ASCII {@code words}, ignoring ASCII case */
    private static boolean containsAnyIgnoringCase(String s, List<String> words) {
        for (String word : words) {
            for (int i = 0, last = s.length() - word.length(); i <= last; i++) {
                if (s.regionMatches(true, i, word, 0, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The rule's keywords spell "api key" as apikey, api_key, api-key or api.key; a key like
     * {@code API__KEY} would hide from the keyword prefilter, so it is not accepted either.
     */
    private static boolean gluedOnce(String key, String qualifier) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String glue : List.of("", "_", "-", ".")) {
            if (lower.contains(qualifier + glue + "key")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param key an assignment key
     * @return whether it names an AWS secret access key ({@code aws_secret_access_key},
     *     {@code SecretAccessKey}, {@code AWS_SECRET})
     */
    static boolean awsSecretAccessKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("secret_access_key") || lower.contains("secretaccesskey")
                || lower.contains("secret-access-key") || (lower.contains("aws") && lower.contains("secret"));
    }

    /**
     * @param key an assignment key
     * @return whether it names an AWS session (security) token
     */
    static boolean awsSessionToken(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : List.of("session", "security")) {
            if (lower.contains(word + "_token") || lower.contains(word + "token") || lower.contains(word + "-token")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param key an assignment key
     * @return whether it names an OAuth client secret ({@code client_secret}, {@code clientSecret})
     */
    static boolean clientSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("client_secret") || lower.contains("clientsecret") || lower.contains("client-secret");
    }

    /**
     * @param key an assignment key
     * @return whether it names an Azure secret ({@code AZURE_SECRET}, {@code azureClientSecret})
     */
    static boolean azureSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("azure") && lower.contains("secret");
    }

    /**
     * Splits a key into lower-case words at separators and camelCase humps: {@code dbPassword}
     * gives [db, password], {@code APIKey} gives [api, key], {@code API_KEY} gives [api, key].
     */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && startsHump(key, i)) {
                flush(word, words);
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static boolean startsHump(String key, int i) {
        char prev = key.charAt(i - 1);
        if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
            return true;
        }
        // "APIKey": the K starts a word because a lower-case letter follows it.
        return Character.isUpperCase(prev) && i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
