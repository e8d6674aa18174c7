package dev.slk.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * What to scan.
 *
 * @param workspace the working directory; paths in findings are relative to it
 * @param targets files or directories to scan for secrets
 * @param moduleDirectories module directories whose dependencies are checked for pinning
 * @param cdkOut the cloud assembly to check, or null to skip the infrastructure rules
 * @param moduleFilter when not null, keep only infrastructure findings of this module
 * @param maxFileBytes larger files are skipped with a notice
 */
public record ScanRequest(
        Path workspace,
        List<Path> targets,
        List<Path> moduleDirectories,
        Path cdkOut,
        String moduleFilter,
        long maxFileBytes) {

    /** Default limit on the size of a scanned file. */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** Copies the lists. */
    public ScanRequest {
        targets = List.copyOf(targets);
        moduleDirectories = List.copyOf(moduleDirectories);
    }
}
