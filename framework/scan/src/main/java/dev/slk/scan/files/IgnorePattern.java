package dev.slk.scan.files;

import dev.slk.core.text.GlobRegex;
import java.util.Optional;
import java.util.regex.Pattern;

/** One line of a gitignore file, matched against paths relative to that file's directory. */
final class IgnorePattern {
    private final boolean negated;
    private final boolean directoryOnly;
    /** Null when git would let the pattern match nothing. */
    private final Pattern regex;

    private IgnorePattern(boolean negated, boolean directoryOnly, Pattern regex) {
        this.negated = negated;
        this.directoryOnly = directoryOnly;
        this.regex = regex;
    }

    /**
     * @param line one line of a gitignore file
     * @return its pattern; empty for blank lines and comments
     */
    static Optional<IgnorePattern> parse(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (text.startsWith("#")) {
            return Optional.empty();
        }
        text = trimUnescapedTrailingSpaces(text);
        boolean negated = text.startsWith("!");
        if (negated) {
            text = text.substring(1);
        }
        boolean directoryOnly = text.endsWith("/");
        if (directoryOnly) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        // A slash at the start or in the middle ties the pattern to the gitignore's directory;
        // without one it names an entry at any depth below it.
        boolean anchored = text.indexOf('/') >= 0;
        if (text.startsWith("/")) {
            text = text.substring(1);
        }
        String regex = GlobRegex.translate(text);
        Pattern compiled = regex == null ? null
                : Pattern.compile(anchored ? regex : "(?:.*/)?" + regex, Pattern.DOTALL);
        return Optional.of(new IgnorePattern(negated, directoryOnly, compiled));
    }

    /** @return true for a {@code !} pattern, which re-includes what it matches */
    boolean negated() {
        return negated;
    }

    /**
     * @param path relative to the gitignore's directory, '/'-separated
     * @param directory whether the path is a directory
     * @return true when the pattern matches the path
     */
    boolean matches(String path, boolean directory) {
        return regex != null && (directory || !directoryOnly) && regex.matcher(path).matches();
    }

    private static String trimUnescapedTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ' && (end < 2 || text.charAt(end - 2) != '\\')) {
            end--;
        }
        return text.substring(0, end);
    }
}
