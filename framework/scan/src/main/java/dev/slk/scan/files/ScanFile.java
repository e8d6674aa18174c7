package dev.slk.scan.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the security scan reads.
 *
 * @param path where to read it; under the scanned root as the user named it, so it may pass
 *     through a symbolic link that the walk followed
 * @param relativePath the path relative to the scanned root, with '/' separators; what findings
 *     and notices name
 */
public record ScanFile(Path path, String relativePath) {

    /** Checks that both parts are present. */
    public ScanFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
    }
}
