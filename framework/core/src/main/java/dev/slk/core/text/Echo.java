package dev.slk.core.text;

/**
 * The one way a value the user wrote is repeated in a message, hint or error line: control and
 * direction-changing characters are escaped (so a terminal shows what is in the file instead of
 * obeying it) and long values are cut, so one huge value cannot produce a huge line.
 */
public final class Echo {
    /** Values longer than this many characters are cut. */
    public static final int MAX_SHOWN = 60;

    private Echo() {
    }

    /**
     * @param value a value from the user's input
     * @return the value, escaped and, when longer than {@value #MAX_SHOWN} characters, cut:
     *     {@code aaaa… (1048576 characters)}
     */
    public static String text(String value) {
        return shown(value, "");
    }

    /**
     * @param value a value from the user's input
     * @return {@code 'value'}, escaped and cut as {@link #text} does, the length after the quote:
     *     {@code 'aaaa…' (1048576 characters)}
     */
    public static String quoted(String value) {
        return value == null ? "null" : shown(value, "'");
    }

    private static String shown(String value, String quote) {
        if (value == null) {
            return "null";
        }
        int length = value.codePointCount(0, value.length());
        if (length <= MAX_SHOWN) {
            return quote + escape(value) + quote;
        }
        String head = value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN));
        return quote + escape(head) + "\u2026" + quote + " (" + length + " characters)";
    }

    /**
     * Escapes without cutting: for file names and paths, which must stay whole to be found.
     *
     * @param text a name or line from the user's input
     * @return the text with control and direction-changing characters written as escapes
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int i = 0;
        int n = text.length();
        while (i < n && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * @param c a character
     * @return true for C0 and C1 controls, DEL, line and paragraph separators, bidirectional
     *     embeddings, overrides and isolates, and lone surrogates
     */
    public static boolean needsEscape(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
