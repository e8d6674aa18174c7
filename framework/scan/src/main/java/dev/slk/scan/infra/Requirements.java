package dev.slk.scan.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the requirement lines of a pip requirements file and tells which are not pinned. */
final class Requirements {
    /** A name, optional extras, then the specifiers (up to an environment marker). */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(\\[[^\\]]*])?\\s*([^;]*)(;.*)?");

    /** One exact version: {@code ==1.2.3} or {@code ===1.2.3}, without a wildcard. */
    private static final Pattern PINNED = Pattern.compile("===?\\s*[^\\s,*<>=!~]+");

    private static final Pattern PER_REQUIREMENT_OPTIONS = Pattern.compile("\\s--");

    private Requirements() {
    }

    /**
     * An unpinned requirement.
     *
     * @param name the package name, lower case
     * @param specifier the version specifier as written, "" when there is none
     * @param line line, from 1
     * @param column column of the name, from 1
     */
    record Unpinned(String name, String specifier, int line, int column) {
    }

    /** @return the requirements of the text that do not pin one exact version, in order */
    static List<Unpinned> unpinned(String text) {
        List<Unpinned> found = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = stripComment(raw).strip();
            // A trailing backslash continues the line; the continuation holds only options such as --hash.
            if (line.endsWith("\\")) {
                line = line.substring(0, line.length() - 1).strip();
            }
            // Options (-r, -e, -c, --index-url, --hash) and blank lines are not requirements.
            if (line.isEmpty() || line.startsWith("-")) {
                continue;
            }
            // Per-requirement options such as --hash follow the specifier on the same line.
            line = PER_REQUIREMENT_OPTIONS.split(line, 2)[0];
            Matcher m = REQUIREMENT.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String specifier = m.group(3).strip();
            if (specifier.startsWith("(") && specifier.endsWith(")")) {
                // The old parenthesized form, "name (>=1.0)".
                specifier = specifier.substring(1, specifier.length() - 1).strip();
            }
            // "name @ url" is a direct reference, and a line that is a URL or a path ("https://...")
            // is not a named requirement: neither has a version to pin.
            if (!specifier.isEmpty() && "=<>!~".indexOf(specifier.charAt(0)) < 0) {
                continue;
            }
            if (PINNED.matcher(specifier).matches()) {
                continue;
            }
            int column = raw.indexOf(m.group(1)) + 1;
            found.add(new Unpinned(m.group(1).toLowerCase(java.util.Locale.ROOT), specifier, i + 1, column));
        }
        return found;
    }

    /** pip treats '#' at the start or after whitespace as a comment; inside a URL it is not. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
