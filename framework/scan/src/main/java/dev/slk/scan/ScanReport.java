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
 * @param history what a scan of the git history read, or null when it read none
 */
public record ScanReport(
        List<Finding> findings,
        List<FileNotice> notices,
        int filesScanned,
        long bytesScanned,
        int binarySkipped,
        Duration elapsed,
        History history) {

    /** Copies the lists. */
    public ScanReport {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
    }

    /** A report of a scan that read no history. */
    public ScanReport(List<Finding> findings, List<FileNotice> notices, int filesScanned, long bytesScanned,
            int binarySkipped, Duration elapsed) {
        this(findings, notices, filesScanned, bytesScanned, binarySkipped, elapsed, null);
    }

    /**
     * What a scan of the git history read.
     *
     * @param commits commits walked
     * @param blobs distinct text blobs scanned (each blob id once)
     * @param bytes their total size
     * @param binary distinct binary blobs skipped
     */
    public record History(int commits, int blobs, long bytes, int binary) {
    }
}
