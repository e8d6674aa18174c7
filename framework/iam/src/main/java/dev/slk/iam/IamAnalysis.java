package dev.slk.iam;

import dev.slk.core.findings.Finding;
import dev.slk.core.report.Notice;
import dev.slk.iam.envelope.Access;
import dev.slk.iam.policy.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one analysis found.
 *
 * @param findings the findings, in report order
 * @param envelopes each analysed module's effective access
 * @param policies the policies read (all modules', for the online checks)
 * @param notices what could not be analysed
 * @param statements how many statements were read
 * @param elapsed how long the analysis took (catalogue loading not included)
 */
public record IamAnalysis(List<Finding> findings, Map<String, List<Access>> envelopes, List<Policy> policies,
        List<Notice> notices, int statements, Duration elapsed) {
    /** Copies the collections. */
    public IamAnalysis {
        findings = List.copyOf(findings);
        envelopes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(envelopes));
        policies = List.copyOf(policies);
        notices = List.copyOf(notices);
    }

    /**
     * @param more findings of another source (IAM Access Analyzer) about the same policies
     * @param moreNotices what that source could not check
     * @param took how long it took
     * @return this analysis with them merged, in report order
     */
    public IamAnalysis with(List<Finding> more, List<Notice> moreNotices, Duration took) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        all.sort(Finding.ORDER);
        List<Notice> allNotices = new java.util.ArrayList<>(notices);
        allNotices.addAll(moreNotices);
        return new IamAnalysis(all, envelopes, policies, allNotices, statements, elapsed.plus(took));
    }
}
