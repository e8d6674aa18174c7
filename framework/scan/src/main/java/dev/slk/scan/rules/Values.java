package dev.slk.scan.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells literal secret values from the many things that sit on the right of a secret-looking key
 * without being a secret: references to where the secret really lives, paths, URLs, ids, words.
 */
final class Values {

    /** The fewest bits per character a generic secret value must have. */
    static final double GENERIC_MIN_ENTROPY = 3.0;

    /** Generic values shorter than this are too weak to tell from words and flags. */
    static final int GENERIC_MIN_LENGTH = 8;

    /** Generic values longer than this are certificates, blobs or keys other rules look at. */
    static final int GENERIC_MAX_LENGTH = 200;

    private static final Set<String> WORDS = Set.of(
            "true", "false", "yes", "no", "on", "off", "null", "nil", "none", "undefined", "empty", "required",
            "optional", "string", "password", "secret", "token");

    // Where the secret really comes from: environment, secret stores, template engines.
    private static final Pattern REFERENCE = Pattern.compile(
            "^[$%!]|^@Microsoft\\.KeyVault|^ref\\+|^(?:arn|ssm|secretsmanager|vault):"
                    + "|os\\.environ|getenv|process\\.env|\\benv\\(|\\bENV\\[",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PATH = Pattern.compile(
            "^(?:~|\\.{1,2})?/[\\w.@+/-]*$|^[A-Za-z]:\\\\|^[\\w.-]{1,100}(?:/[\\w.-]{1,100}){1,20}\\.[A-Za-z]{2,5}$");

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]{1,30}:/");

    /** Data URIs and subresource-integrity hashes of lock files are content, not credentials. */
    private static final Pattern CONTENT = Pattern.compile("^data:|^sha(?:1|256|384|512)-", Pattern.CASE_INSENSITIVE);

    private static final Pattern NUMBER_LIKE = Pattern.compile("^[0-9._:+/-]+$");

    private static final Pattern DOTTED_NAME = Pattern.compile(
            "^[A-Za-z_$][\\w$-]{0,100}(?:\\.[A-Za-z_$][\\w$-]{0,100}){1,20}$");

    private static final Pattern WORD = Pattern.compile("^[A-Za-z_]+$");

    /** Above this share of adjacent letters and digits switching case or kind, text is random. */
    private static final int CHAOTIC_SWITCHES_PERCENT = 40;
    private static final int OTHER = 0;

    private static final Pattern SECRET_WORD = Pattern.compile("pass|pwd|secret|token|key", Pattern.CASE_INSENSITIVE);

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");

    private Values() {
    }

    /**
     * @param a an assignment whose key holds a secret
     * @return whether its value looks like a literal secret rather than a reference, path, URL,
     *     id, number, word or placeholder
     */
    static boolean genericSecret(Assignment a) {
        String v = a.value();
        if (v.length() < GENERIC_MIN_LENGTH || v.length() > GENERIC_MAX_LENGTH || hasSpace(v)) {
            return false;
        }
        if (Placeholders.isPlaceholder(v) || WORDS.contains(v.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (REFERENCE.matcher(v).find() || PATH.matcher(v).find() || URL.matcher(v).find()
                || CONTENT.matcher(v).find()) {
            return false;
        }
        if (NUMBER_LIKE.matcher(v).matches() || DOTTED_NAME.matcher(v).matches() && !caseChaos(v) || isUuid(v)) {
            return false;
        }
        // A plain word is far more often an identifier, enum or type name than a password:
        // always when unquoted, and when quoted if it names a secret ("challengePassword",
        // "_RSAPrivateKey") or is private by convention.
        if (WORD.matcher(v).matches() && (a.bare() || v.startsWith("_") || SECRET_WORD.matcher(v).find())) {
            return false;
        }
        return Entropy.shannon(v) >= GENERIC_MIN_ENTROPY;
    }

    /**
     * Whether {@code v} switches between lower case, upper case and digits in more than
     * {@value #CHAOTIC_SWITCHES_PERCENT}% of its adjacent letter and digit pairs. Names do not:
     * {@code config.db.password}, {@code settings.DB_PASSWORD}, {@code oauth2Client.accessToken}
     * and {@code myApp.v2Beta.token} stay at or below 38%. Random text does: a random 20-character
     * password of letters, digits and a '.' switches in about 64% of its pairs, and in more than 40%
     * in 96 of 100 such passwords. So a dotted value like that is a secret, not a field path.
     */
    static boolean caseChaos(String v) {
        int pairs = 0;
        int switches = 0;
        for (int i = 1; i < v.length(); i++) {
            int before = charClass(v.charAt(i - 1));
            int after = charClass(v.charAt(i));
            if (before != OTHER && after != OTHER) {
                pairs++;
                switches += before == after ? 0 : 1;
            }
        }
        return pairs > 0 && switches * 100 > pairs * CHAOTIC_SWITCHES_PERCENT;
    }

    private static int charClass(char c) {
        return c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : c >= '0' && c <= '9' ? 3 : OTHER;
    }

    /** @return whether {@code v} is a UUID, which is nearly always an id (tenant, request, ...) */
    static boolean isUuid(String v) {
        return UUID.matcher(v).matches();
    }

    /** @return whether {@code v} is only hex digits: digests and commit ids, not base64 secrets */
    static boolean isHex(String v) {
        return HEX.matcher(v).matches();
    }

    /** @return whether {@code v} contains whitespace */
    static boolean hasSpace(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isWhitespace(v.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** @return whether {@code v} has at least one upper-case and one lower-case ASCII letter */
    static boolean mixedCase(String v) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }
}
