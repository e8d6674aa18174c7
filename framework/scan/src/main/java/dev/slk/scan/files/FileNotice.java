package dev.slk.scan.files;

import java.util.Objects;

/**
 * Something the user should know about a file or directory the scan did not read, such as a
 * file over the size limit, one that cannot be read, or a symbolic link leaving the root.
 *
 * @param relativePath the path relative to the scanned root, with '/' separators
 * @param message what happened, e.g. {@code skipped: 12.3 MiB is over the 5 MiB limit}
 */
public record FileNotice(String relativePath, String message) {

    /** Checks that both parts are present. */
    public FileNotice {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code path: message} */
    @Override
    public String toString() {
        return relativePath + ": " + message;
    }
}
