package dev.slk.scan;

import dev.slk.core.findings.Finding;
import dev.slk.scan.files.FileNotice;
import java.time.Duration;
import java.util.List;

/**
 * What one scan found and what it looked at.
 *
 * @param findings every finding, suppressed ones included, sorted by path and position
 * @param notices files skipped or unreadable, and infrastructure checks that could not run
 * @param filesScanned text files scanned
 * @param bytesScanned their total size
 * @param binarySkipped binary files skipped
 * @param elapsed wall time
 */
public record ScanReport(
        List<Finding> findings,
        List<FileNotice> notices,
        int filesScanned,
        long bytesScanned,
        int binarySkipped,
        Duration elapsed) {

    /** Copies the lists. */
    public ScanReport {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
    }
}
