package dev.slk.scan;

import java.util.List;

/**
 * A scan report judged against a baseline and a failure threshold.
 *
 * @param report the scan report
 * @param baseline accepted fingerprints
 * @param failOn the lowest severity that fails the scan
 * @param baselineUsed whether a baseline file was given (SARIF then marks new findings)
 */
public record ScanOutcome(ScanReport report, Baseline baseline, ScanSeverity failOn, boolean baselineUsed) {

    /** Why a finding does or does not fail the scan. */
    public enum Status {
        /** At or above the threshold, not suppressed, not in the baseline. */
        FAILING,
        /** Below the threshold. */
        BELOW_THRESHOLD,
        /** Accepted by an inline comment. */
        SUPPRESSED,
        /** Accepted by the baseline. */
        BASELINED
    }

    /**
     * @param finding a finding of the report
     * @return its status
     */
    public Status status(ScanFinding finding) {
        if (finding.suppressed()) {
            return Status.SUPPRESSED;
        }
        if (baseline.accepts(finding)) {
            return Status.BASELINED;
        }
        return finding.severity().compareTo(failOn) >= 0 ? Status.FAILING : Status.BELOW_THRESHOLD;
    }

    /** @return the findings that fail the scan */
    public List<ScanFinding> failing() {
        return report.findings().stream().filter(f -> status(f) == Status.FAILING).toList();
    }

    /**
     * @param status a status
     * @return how many findings have it
     */
    public long count(Status status) {
        return report.findings().stream().filter(f -> status(f) == status).count();
    }

    /** @return true when nothing fails */
    public boolean passed() {
        return failing().isEmpty();
    }
}
