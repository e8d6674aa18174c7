package dev.slk.core.text;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Non-ASCII letters that look like ASCII ones (Cyrillic {@code е} for {@code e}, Greek
 * {@code ο} for {@code o}, full-width forms), after the confusables of Unicode TR 39. A value
 * such as {@code dеv} with a Cyrillic {@code е} reads as {@code dev} and is not; saying why is
 * the only way the user can see it.
 */
public final class LookAlikes {
    /** Look-alike to the ASCII letter it is mistaken for; full-width forms are computed. */
    private static final Map<Character, Character> ASCII = Map.ofEntries(
            // Cyrillic
            Map.entry('\u0430', 'a'), Map.entry('\u0435', 'e'), Map.entry('\u043e', 'o'), Map.entry('\u0440', 'p'),
            Map.entry('\u0441', 'c'), Map.entry('\u0443', 'y'), Map.entry('\u0445', 'x'), Map.entry('\u0456', 'i'),
            Map.entry('\u0458', 'j'), Map.entry('\u0455', 's'), Map.entry('\u0501', 'd'), Map.entry('\u04bb', 'h'),
            Map.entry('\u051b', 'q'), Map.entry('\u051d', 'w'), Map.entry('\u04cf', 'l'), Map.entry('\u0410', 'A'),
            Map.entry('\u0412', 'B'), Map.entry('\u0415', 'E'), Map.entry('\u041a', 'K'), Map.entry('\u041c', 'M'),
            Map.entry('\u041d', 'H'), Map.entry('\u041e', 'O'), Map.entry('\u0420', 'P'), Map.entry('\u0421', 'C'),
            Map.entry('\u0422', 'T'), Map.entry('\u0425', 'X'), Map.entry('\u0406', 'I'), Map.entry('\u0408', 'J'),
            Map.entry('\u0405', 'S'),
            // Greek
            Map.entry('\u03bf', 'o'), Map.entry('\u03bd', 'v'), Map.entry('\u03c1', 'p'), Map.entry('\u03b9', 'i'),
            Map.entry('\u03ba', 'k'), Map.entry('\u0391', 'A'), Map.entry('\u0392', 'B'), Map.entry('\u0395', 'E'),
            Map.entry('\u0396', 'Z'), Map.entry('\u0397', 'H'), Map.entry('\u0399', 'I'), Map.entry('\u039a', 'K'),
            Map.entry('\u039c', 'M'), Map.entry('\u039d', 'N'), Map.entry('\u039f', 'O'), Map.entry('\u03a1', 'P'),
            Map.entry('\u03a4', 'T'), Map.entry('\u03a5', 'Y'), Map.entry('\u03a7', 'X'),
            // Latin letters that pass for others
            Map.entry('\u0131', 'i'), Map.entry('\u0261', 'g'));

    private LookAlikes() {
    }

    /**
     * @param c a character
     * @return the ASCII character it is mistaken for, if it is a look-alike
     */
    public static Optional<Character> asciiFor(char c) {
        if (c >= '\uff01' && c <= '\uff5e') {
            return Optional.of((char) (c - 0xfee0));
        }
        return Optional.ofNullable(ASCII.get(c));
    }

    /**
     * @param value a value from the user's input
     * @return the value with every look-alike replaced by its ASCII letter (the "skeleton" that
     *     name suggestions compare)
     */
    public static String skeleton(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(asciiFor(c).orElse(c));
        }
        return out.toString();
    }

    /**
     * @param value a value from the user's input
     * @param what what the value is, for the sentence: "value", "key", "id"
     * @return a sentence naming the first look-alike in it, escaped, e.g. {@code The value contains a
     *     non-ASCII look-alike character, U+0435 CYRILLIC SMALL LETTER IE, in place of 'e'.}; empty
     *     when there is none
     */
    public static Optional<String> note(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            Optional<Character> ascii = asciiFor(c);
            if (ascii.isPresent()) {
                String name = Character.getName(c);
                return Optional.of("The " + what + " contains a non-ASCII look-alike character, "
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + (name == null ? "" : " " + name)
                        + ", in place of '" + ascii.get() + "'.");
            }
        }
        return Optional.empty();
    }

    /**
     * @param hint a hint (typically "did you mean ...?"), or null
     * @param value the value the hint is about
     * @param what what the value is: "value", "key", "id"
     * @return the hint followed by the look-alike note when the value holds a look-alike; the
     *     hint unchanged (possibly null) otherwise
     */
    public static String withNote(String hint, String value, String what) {
        if (value == null) {
            return hint;
        }
        return note(value, what).map(n -> hint == null ? n : hint + " " + n).orElse(hint);
    }
}
