package dev.slk.scaffold;

import dev.slk.core.registry.ModuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The names a module id turns into, derived once so that every template spells them the same
 * way: {@code okta-logs} becomes class {@code OktaLogsModule} in package
 * {@code <base>.oktalogs}, Python-style {@code okta_logs}, and so on.
 *
 * @param id the module id, e.g. {@code okta-logs}
 * @param pascal {@code OktaLogs}
 * @param camel {@code oktaLogs}
 * @param snake {@code okta_logs}
 * @param upperSnake {@code OKTA_LOGS}
 * @param className the module class, {@code OktaLogsModule}
 * @param packageSegment the last package segment, {@code oktalogs} (a keyword gets a trailing {@code _})
 */
public record ModuleNames(
        String id, String pascal, String camel, String snake, String upperSnake, String className,
        String packageSegment) {

    /**
     * Ids that name slk's own parts or directories of a workspace; a module with one of them would
     * collide with a framework construct, artifact or folder.
     */
    public static final Set<String> RESERVED = Set.of(
            "slk", "core", "spi", "cli", "scan", "stack", "framework", "modules", "module", "templates",
            "docs", "bench", "target", "src", "lib", "test", "parent", "all", "none");

    /** Longer ids make construct ids, Sids and file names unwieldy. */
    public static final int MAX_LENGTH = 40;

    /**
     * @param id a module id
     * @return the derived names
     * @throws IllegalArgumentException with a one-line reason when the id breaks the SPI's rule,
     *     is reserved or too long
     */
    public static ModuleNames of(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("the module id is empty; use lower-case words separated by hyphens, e.g. okta-logs");
        }
        if (!ModuleRegistry.MODULE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("module id '" + printable(id) + "' is invalid: use lower-case letters and "
                    + "digits in hyphen-separated words, starting with a letter, e.g. okta-logs");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("module id '" + id + "' has " + id.length()
                    + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        if (RESERVED.contains(id)) {
            throw new IllegalArgumentException("module id '" + id + "' is reserved by slk; choose a name for the source, e.g. "
                    + id + "-events");
        }
        List<String> words = List.of(id.split("-"));
        StringBuilder pascal = new StringBuilder();
        for (String word : words) {
            pascal.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        String camel = words.get(0) + pascal.substring(words.get(0).length());
        String segment = String.join("", words);
        // A keyword or literal (new, int, true, ...) is not a valid package name; the suffix makes it one.
        if (SourceVersion.isKeyword(segment) || !SourceVersion.isIdentifier(segment)) {
            segment = segment + "_";
        }
        String className = pascal + "Module";
        if (!SourceVersion.isName(className) || !SourceVersion.isName(segment)) {
            throw new IllegalArgumentException("module id '" + id + "' gives no valid Java names");
        }
        return new ModuleNames(id, pascal.toString(), camel, String.join("_", words),
                String.join("_", words).toUpperCase(Locale.ROOT), className, segment);
    }

    /** The default display name of a module: {@code okta-logs} gives {@code Okta Logs}. */
    static String displayName(String id) {
        List<String> words = new ArrayList<>();
        for (String word : id.split("-")) {
            words.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        }
        return String.join(" ", words);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out + (text.codePointCount(0, text.length()) > 80 ? "..." : "");
    }
}
