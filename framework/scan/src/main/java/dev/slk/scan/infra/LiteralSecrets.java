package dev.slk.scan.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognizes literal values in a template that are, or look like, secrets. */
final class LiteralSecrets {
    /**
     * Values CloudFormation resolves at deploy time; the template holds only a name. Plain
     * {@code ssm} parameters are references too, so they are not literals either.
     */
    private static final Pattern DYNAMIC_REFERENCE =
            Pattern.compile("\\{\\{resolve:(secretsmanager|ssm-secure|ssm):[^}]*}}");

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");

    // Written with -{5} so that this source file holds no PEM header itself.
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-{5}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-{5}(?:[\\s\\S]*?-{5}END [A-Z0-9 ]*-{5}|[\\s\\S]*)");

    /** The length and alphabet of an AWS secret access key, not part of a longer run. */
    private static final Pattern BASE64_40 = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/])");

    /** Random base64 of 40 characters scores about 5; words and identifiers score lower. */
    private static final double MIN_ENTROPY = 4.0;

    private LiteralSecrets() {
    }

    /**
     * A secret found in a value.
     *
     * @param kind what it looks like, for the message, e.g. "an AWS access key id"
     * @param secret the secret itself; only ever redacted
     */
    record Match(String kind, String secret) {
    }

    /** @return true when the value holds a deploy-time dynamic reference, so it is not a literal */
    static boolean hasDynamicReference(String value) {
        return DYNAMIC_REFERENCE.matcher(value).find();
    }

    /**
     * @param value a literal string from the template
     * @return the first part of it that looks like a secret by its shape, ignoring dynamic references
     */
    static Optional<Match> byShape(String value) {
        String literal = DYNAMIC_REFERENCE.matcher(value).replaceAll(" ");
        Matcher key = ACCESS_KEY_ID.matcher(literal);
        if (key.find()) {
            return Optional.of(new Match("an AWS access key id", key.group()));
        }
        Matcher pem = PRIVATE_KEY.matcher(literal);
        if (pem.find()) {
            return Optional.of(new Match("a PEM private key", pem.group()));
        }
        Matcher token = BASE64_40.matcher(literal);
        while (token.find()) {
            if (looksRandom(token.group())) {
                return Optional.of(new Match("a high-entropy secret", token.group()));
            }
        }
        return Optional.empty();
    }

    /** Upper case, lower case and digits, and more than {@link #MIN_ENTROPY} bits per character. */
    static boolean looksRandom(String s) {
        boolean upper = s.chars().anyMatch(Character::isUpperCase);
        boolean lower = s.chars().anyMatch(Character::isLowerCase);
        boolean digit = s.chars().anyMatch(Character::isDigit);
        return upper && lower && digit && entropy(s) > MIN_ENTROPY;
    }

    /** @return Shannon entropy in bits per character */
    static double entropy(String s) {
        Map<Integer, Integer> counts = new HashMap<>();
        s.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int n : counts.values()) {
            double p = (double) n / s.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
