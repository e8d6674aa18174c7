package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One {@code key = value} pair found in a text, in whichever syntax: YAML {@code key: value},
 * JSON {@code "key": "value"}, properties and .env {@code KEY=value}, code
 * {@code String key = "value"}, Go {@code key := "value"}, Ruby {@code key => "value"}, shell
 * {@code export KEY=value}.
 *
 * @param key the key, without quotes
 * @param value the value, without quotes
 * @param start offset of the value's first character
 * @param end offset after the value's last character
 * @param bare whether the value was unquoted
 */
record Assignment(String key, String value, int start, int end, boolean bare) {

    /** Longest value considered; long enough for AWS session tokens, short enough to stay fast. */
    static final int MAX_VALUE = 4096;

    /** Longest key; longer runs are data, not names. */
    private static final int MAX_KEY = 81;

    /** Most blanks around the operator. */
    private static final int MAX_BLANKS = 8;

    /** Characters that end an unquoted value, or make it an expression rather than a literal. */
    private static final String NOT_BARE = "\"'`,;(){}[]<>";

    private static final String QUOTES = "\"'`";

    private static final int ASCII = 128;
    /** {@link #isBare} of each ASCII character, looked up: it runs for every character of every value. */
    private static final boolean[] BARE_ASCII = new boolean[ASCII];

    static {
        for (char c = 0; c < ASCII; c++) {
            BARE_ASCII[c] = !Character.isWhitespace(c) && NOT_BARE.indexOf(c) < 0;
        }
    }

    /**
     * Finds assignments from their operators (':', '=', ':=', '=>') and reads the key backwards
     * and the value forwards, so only operators cost work, and every character is looked at a
     * bounded number of times even in a line like "password=password=password=...".
     *
     * @param text a whole file
     * @param key which keys to read the value of
     * @return the assignments with such keys, in order
     */
    static List<Assignment> in(ScanText text, Predicate<String> key) {
        List<Assignment> found = new ArrayList<>();
        List<Assignment> skipped = new ArrayList<>(1);
        int n = text.length();
        int i = nextOperator(text, 0);
        while (i >= 0) {
            int valueAt = operatorEnd(text, i);
            String name = valueAt < 0 ? null : keyBefore(text, i);
            if (name == null) {
                i = nextOperator(text, i + (valueAt < 0 ? 2 : 1));
                continue;
            }
            valueAt = skipBlanks(text, valueAt);
            if (valueAt >= n || isBlank(text.charAt(valueAt))) {
                i = nextOperator(text, valueAt);
                continue;
            }
            // The value of an unwanted key is read too, only to skip it: "tokenArn: arn:...:secret:x"
            // must not yield an assignment "secret: x" from inside the value.
            List<Assignment> into = key.test(name) ? found : skipped;
            skipped.clear();
            int after = QUOTES.indexOf(text.charAt(valueAt)) >= 0
                    ? quoted(text, name, valueAt, into) : bare(text, name, valueAt, into);
            i = nextOperator(text, after);
        }
        return found;
    }

    private static int nextOperator(ScanText text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '=') {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return where the operator at {@code i} ends, or -1 when it is no assignment: "::", ":/",
     *     "==", "!=", "<=", ">="
     */
    private static int operatorEnd(ScanText text, int i) {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
        if (text.charAt(i) == ':') {
            // "::" is a scope operator, ":/" a URL scheme ("https://...?token=x" is no key "https").
            return next == ':' || next == '/' ? -1 : next == '=' ? i + 2 : i + 1;
        }
        char prev = i > 0 ? text.charAt(i - 1) : '\n';
        if (next == '=' || prev == '!' || prev == '<' || prev == '>' || prev == '=') {
            return -1;
        }
        return next == '>' ? i + 2 : i + 1;
    }

    /**
     * Reads the key that ends just before the operator at {@code op}: an identifier
     * {@code [A-Za-z_][\w.-]*} of at most 81 characters, optionally quoted, not preceded by a
     * word character or '.', nor by "word:" (a segment of an ARN, URN or URL such as
     * "...:secret:name"; after " :" it is a Ruby symbol and counts).
     *
     * @return the key, or null when there is none
     */
    private static String keyBefore(ScanText text, int op) {
        int end = op;
        for (int b = 0; b < MAX_BLANKS && end > 0 && isBlank(text.charAt(end - 1)); b++) {
            end--;
        }
        if (end == 0 || isBlank(text.charAt(end - 1))) {
            return null;
        }
        char quote = QUOTES.indexOf(text.charAt(end - 1)) >= 0 ? text.charAt(end - 1) : 0;
        if (quote != 0) {
            end--;
        }
        int run = end;
        while (run > 0 && end - run < MAX_KEY && isKeyChar(text.charAt(run - 1))) {
            run--;
        }
        for (int p = run; p < end; p++) {
            if (keyStartsAt(text, p, run, quote)) {
                return text.substring(p, end);
            }
        }
        return null;
    }

    private static boolean keyStartsAt(ScanText text, int p, int run, char quote) {
        char first = text.charAt(p);
        if (!(first == '_' || first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z')) {
            return false;
        }
        if (quote != 0) {
            return p == run && p > 0 && text.charAt(p - 1) == quote && freeBefore(text, p - 1);
        }
        return p == run ? freeBefore(text, p) : text.charAt(p - 1) == '-';
    }

    /** Whether nothing glues the key starting at {@code p} to what comes before it. */
    private static boolean freeBefore(ScanText text, int p) {
        if (p == 0) {
            return true;
        }
        char prev = text.charAt(p - 1);
        if (isWordChar(prev) || prev == '.') {
            return false;
        }
        return !(prev == ':' && p > 1 && isWordChar(text.charAt(p - 2)));
    }

    private static boolean isWordChar(char c) {
        return c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isKeyChar(char c) {
        return isWordChar(c) || c == '.' || c == '-';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(ScanText text, int i) {
        for (int b = 0; b < MAX_BLANKS && i < text.length() && isBlank(text.charAt(i)); b++) {
            i++;
        }
        return i;
    }

    /** Reads a value between quotes on one line; returns where to search on. */
    private static int quoted(ScanText text, String key, int open, List<Assignment> found) {
        char quote = text.charAt(open);
        int limit = Math.min(text.length(), open + 1 + MAX_VALUE);
        int i = open + 1;
        while (i < limit && text.charAt(i) != quote && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        if (i < limit && text.charAt(i) == quote) {
            if (i > open + 1) {
                found.add(new Assignment(key, text.substring(open + 1, i), open + 1, i, false));
            }
            return i + 1;
        }
        // Unterminated: the text after the quote may still hold assignments of its own.
        return open + 1;
    }

    /**
     * Reads an unquoted value, which must run to the end of the line or a comment: in code, a bare
     * right-hand side followed by ';' or '(' is an expression, not a literal. Returns where to
     * search on: after the run, which can hold no other assignment's value.
     */
    private static int bare(ScanText text, String key, int start, List<Assignment> found) {
        int limit = Math.min(text.length(), start + MAX_VALUE + 1);
        int i = start;
        while (i < limit && isBare(text.charAt(i)) && !(text.charAt(i) == '&' && startsParameter(text, i + 1))) {
            i++;
        }
        if (i == start || text.charAt(start) == '#') {
            return start + 1;
        }
        if (i - start <= MAX_VALUE && endsLine(text, i)) {
            found.add(new Assignment(key, text.substring(start, i), start, i, true));
        }
        return i;
    }

    /** Whether a query parameter "name=" starts at {@code i}, as after '&' in "token=abc&scope=x". */
    private static boolean startsParameter(ScanText text, int i) {
        int j = i;
        while (j < text.length() && j - i <= MAX_KEY && isWordChar(text.charAt(j))) {
            j++;
        }
        return j > i && j < text.length() && text.charAt(j) == '=';
    }

    private static boolean isBare(char c) {
        return c < ASCII ? BARE_ASCII[c] : !Character.isWhitespace(c);
    }

    private static boolean endsLine(ScanText text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == '#'
                || text.charAt(i) == '&' || text.startsWith("//", i);
    }

    /** @return the value as a match */
    SecretMatch match() {
        return new SecretMatch(start, end, value);
    }
}
