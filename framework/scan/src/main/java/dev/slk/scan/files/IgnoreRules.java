package dev.slk.scan.files;

import java.util.ArrayList;
import java.util.List;

/**
 * The gitignore patterns in force in one directory: its own {@code .gitignore} on top of those
 * of its parents, down to {@code .git/info/exclude}. Immutable, so a directory's rules can be
 * kept for a symbolic link that is followed later.
 */
final class IgnoreRules {
    /** No patterns at all. */
    static final IgnoreRules NONE = new IgnoreRules(null, "", List.of());

    private final IgnoreRules parent;
    /** The directory the patterns are relative to, relative to the root; "" for the root. */
    private final String base;
    private final List<IgnorePattern> patterns;

    private IgnoreRules(IgnoreRules parent, String base, List<IgnorePattern> patterns) {
        this.parent = parent;
        this.base = base;
        this.patterns = patterns;
    }

    /**
     * @param base the directory of the gitignore file, relative to the root; "" for the root
     * @param content the file's text
     * @return these rules with the file's patterns taking precedence
     */
    IgnoreRules with(String base, String content) {
        List<IgnorePattern> parsed = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            IgnorePattern.parse(line).ifPresent(parsed::add);
        }
        return parsed.isEmpty() ? this : new IgnoreRules(this, base, List.copyOf(parsed));
    }

    /**
     * @param path relative to the root, '/'-separated
     * @param directory whether the path is a directory
     * @return true when the last matching pattern (deepest file first) ignores the path
     */
    boolean ignored(String path, boolean directory) {
        for (IgnoreRules rules = this; rules != null; rules = rules.parent) {
            String relative = rules.relativize(path);
            if (relative == null) {
                continue;
            }
            for (int i = rules.patterns.size() - 1; i >= 0; i--) {
                IgnorePattern pattern = rules.patterns.get(i);
                if (pattern.matches(relative, directory)) {
                    return !pattern.negated();
                }
            }
        }
        return false;
    }

    private String relativize(String path) {
        if (base.isEmpty()) {
            return path;
        }
        return path.startsWith(base + "/") ? path.substring(base.length() + 1) : null;
    }
}
