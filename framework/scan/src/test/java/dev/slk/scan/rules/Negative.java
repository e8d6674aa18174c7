package dev.slk.scan.rules;

/**
 * A text in which a rule must find nothing.
 *
 * @param rule the rule id
 * @param name what the case shows
 * @param text the file text
 */
record Negative(String rule, String name, String text) {

    @Override
    public String toString() {
        return rule + ": " + name;
    }
}
