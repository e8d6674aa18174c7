package dev.slk.scan.rules;

/**
 * A text in which one rule must find exactly one secret.
 *
 * @param rule the rule id
 * @param name what the case shows
 * @param text the file text
 * @param secret the secret the rule must report, which occurs once in {@code text}
 */
record Positive(String rule, String name, String text, String secret) {

    /** @return the offset of the secret in the text */
    int start() {
        int at = text.indexOf(secret);
        if (at < 0 || text.indexOf(secret, at + 1) >= 0) {
            throw new IllegalStateException(this + ": the secret must occur exactly once in the text");
        }
        return at;
    }

    @Override
    public String toString() {
        return rule + ": " + name;
    }
}
