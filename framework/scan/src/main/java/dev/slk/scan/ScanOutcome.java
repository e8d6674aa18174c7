package dev.slk.scan;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Severity;
import java.util.List;

/**
 * A scan report judged against a baseline and a failure threshold.
 *
 * @param report the scan report
 * @param baseline accepted fingerprints
 * @param failOn the lowest severity that fails the scan
 * @param baselineUsed whether a baseline file was given (SARIF then marks new findings)
 */
public record ScanOutcome(ScanReport report, Baseline baseline, Severity failOn, boolean baselineUsed) {

    /**
     * @param finding a finding of the report
     * @return its status
     */
    public Status status(Finding finding) {
        if (!finding.accepted() && baseline.accepts(finding)) {
            return Status.BASELINED;
        }
        return finding.status(failOn);
    }

    /** @return the findings that fail the scan */
    public List<Finding> failing() {
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
