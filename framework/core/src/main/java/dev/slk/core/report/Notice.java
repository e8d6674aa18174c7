package dev.slk.core.report;

import java.util.Objects;

/**
 * Something a check could not look at, or a limit it met, reported beside the findings.
 *
 * @param path the file or directory concerned, relative to the workspace; "" for the whole run
 * @param message what happened
 */
public record Notice(String path, String message) {
    /** Checks the invariants. */
    public Notice {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
