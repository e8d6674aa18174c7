package dev.slk.core.report;

import java.util.List;

/**
 * A rendered report.
 *
 * @param text the document, ending with a newline
 * @param warnings what the format had to leave out and why, for stderr; empty when nothing
 */
public record Rendered(String text, List<String> warnings) {
    /** Copies the list. */
    public Rendered {
        warnings = List.copyOf(warnings);
    }
}
