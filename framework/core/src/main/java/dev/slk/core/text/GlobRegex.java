package dev.slk.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Translates the glob of a gitignore pattern into a regular expression over '/'-separated
 * paths, with git's wildmatch rules: {@code *}, {@code ?} and bracket expressions never match
 * '/', and {@code **} spans directories only when it is a whole path segment. The scan's ignore
 * files and the waiver ledger's path, resource and module patterns share these rules.
 */
public final class GlobRegex {
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"), Map.entry("xdigit", "\\p{XDigit}"));

    private final int[] glob;
    private final StringBuilder regex = new StringBuilder();
    private final StringBuilder literal = new StringBuilder();

    private GlobRegex(String glob) {
        this.glob = glob.codePoints().toArray();
    }

    /**
     * @param glob the pattern, without negation, anchoring slash or directory slash
     * @return the equivalent regular expression, or null when git would let the pattern match
     *     nothing (an unclosed bracket, an unknown character class, a trailing backslash)
     */
    public static String translate(String glob) {
        return new GlobRegex(glob).translate();
    }

    private String translate() {
        for (int i = 0; i < glob.length; i++) {
            int c = glob[i];
            if (c == '\\') {
                if (++i == glob.length) {
                    return null;
                }
                literal.appendCodePoint(glob[i]);
            } else if (c == '*') {
                i = stars(i);
            } else if (c == '?') {
                flush();
                regex.append("[^/]");
            } else if (c == '[') {
                flush();
                i = bracket(i);
                if (i < 0) {
                    return null;
                }
            } else {
                literal.appendCodePoint(c);
            }
        }
        flush();
        return regex.toString();
    }

    /** @return the index of the last character consumed */
    private int stars(int first) {
        flush();
        int last = first;
        while (last + 1 < glob.length && glob[last + 1] == '*') {
            last++;
        }
        boolean wholeSegment = last > first && (first == 0 || glob[first - 1] == '/')
                && (last + 1 == glob.length || glob[last + 1] == '/');
        if (!wholeSegment) {
            regex.append("[^/]*");
            return last;
        }
        if (last + 1 == glob.length) {
            regex.append(".*");
            return last;
        }
        // "**/" also matches no directory at all, so it takes its slash with it.
        regex.append("(?:.*/)?");
        return last + 1;
    }

    /** @return the index of the closing ']', or -1 when the expression is malformed */
    private int bracket(int open) {
        int i = open + 1;
        boolean negated = i < glob.length && (glob[i] == '!' || glob[i] == '^');
        if (negated) {
            i++;
        }
        List<String> items = new ArrayList<>();
        for (int first = i; i < glob.length; i++) {
            int c = glob[i];
            if (c == ']' && i > first) {
                emitBracket(negated, items);
                return i;
            }
            if (c == '[' && i + 1 < glob.length && glob[i + 1] == ':') {
                int close = indexOf(']', i + 2);
                if (close > i + 2 && glob[close - 1] == ':') {
                    String name = new String(glob, i + 2, close - 1 - (i + 2));
                    String posix = POSIX_CLASSES.get(name);
                    if (posix == null) {
                        return -1;
                    }
                    items.add(posix);
                    i = close;
                    continue;
                }
            }
            int low = c;
            if (c == '\\') {
                if (++i == glob.length) {
                    return -1;
                }
                low = glob[i];
            }
            if (i + 2 < glob.length && glob[i + 1] == '-' && glob[i + 2] != ']') {
                i += 2;
                int high = glob[i];
                if (high == '\\') {
                    if (++i == glob.length) {
                        return -1;
                    }
                    high = glob[i];
                }
                // Like wildmatch, which takes the first end as a character before it sees the
                // range: a reversed range still matches that character.
                items.add(low <= high ? hex(low) + "-" + hex(high) : hex(low));
                continue;
            }
            items.add(hex(low));
        }
        return -1;
    }

    private void emitBracket(boolean negated, List<String> items) {
        if (negated) {
            regex.append("[^").append(String.join("", items)).append("/]");
        } else {
            regex.append('[').append(String.join("", items)).append("&&[^/]]");
        }
    }

    private int indexOf(int c, int from) {
        for (int i = from; i < glob.length; i++) {
            if (glob[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String hex(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    private void flush() {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
