package dev.slk.scan;

import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Severity;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.Notice;
import dev.slk.core.report.ReportOutput;
import dev.slk.core.waivers.WaiverLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scan report judged against a baseline, the waiver ledger and a failure threshold.
 *
 * @param report the scan report
 * @param baseline accepted fingerprints
 * @param failOn the lowest severity that fails the scan
 * @param baselineFile the baseline file as the user named it, or null when none was given (SARIF
 *     then marks each result new or unchanged)
 * @param ledger the waiver ledger
 * @param scope which of its waivers this scan answers for
 */
public record ScanOutcome(ScanReport report, Baseline baseline, Severity failOn, String baselineFile,
        WaiverLedger ledger, WaiverLedger.Scope scope) {

    /** A scan judged without waivers. */
    public ScanOutcome(ScanReport report, Baseline baseline, Severity failOn, String baselineFile) {
        this(report, baseline, failOn, baselineFile, WaiverLedger.empty("slk-waivers.yaml", Clock.systemUTC()),
                scope(false, false, false));
    }

    /**
     * @param infra whether the infrastructure and dependency rules ran
     * @param complete whether the whole workspace was scanned (not a few paths or one module)
     * @param strict whether an orphaned waiver fails the scan
     * @return the waivers a scan answers for: those of the rules it applied
     */
    public static WaiverLedger.Scope scope(boolean infra, boolean complete, boolean strict) {
        List<String> rules = new ArrayList<>();
        dev.slk.scan.rules.SecretRules.catalogue().forEach(r -> rules.add(r.id()));
        if (infra) {
            rules.addAll(ruleIds());
        }
        return WaiverLedger.Scope.of(rules, complete, strict);
    }

    /** @return the ids of every rule the scan has, so that other commands leave their waivers alone */
    public static List<String> ruleIds() {
        return RuleCatalogue.all().stream().map(dev.slk.core.findings.Rule::id).toList();
    }

    /** The command name reports carry. */
    public static final String COMMAND = "security-scan";

    /** Where {@code --output} may write: nowhere but absent, empty or earlier security-scan reports. */
    public static final ReportOutput OUTPUT = new ReportOutput(COMMAND,
            line -> line.contains(" at --fail-on ") && line.contains(" scanned in "));

    /**
     * @return the findings, those the baseline lists marked as accepted by it, those an active
     *     waiver matches as waived, then (with {@code --strict}) the orphaned waivers
     */
    public List<Finding> findings() {
        return judged().findings();
    }

    private WaiverLedger.Judged judged() {
        Acceptance baselined = new Acceptance.Baselined(baselineFile == null ? "" : baselineFile);
        List<Finding> findings = report.findings().stream()
                .map(f -> !f.accepted() && baseline.accepts(f) ? f.withAcceptance(baselined) : f)
                .toList();
        return ledger.judge(findings, scope);
    }

    /** @return the findings that fail the scan */
    public List<Finding> failing() {
        return findings().stream().filter(f -> f.status(failOn) == Status.FAILING).toList();
    }

    /** @return true when nothing fails */
    public boolean passed() {
        return failing().isEmpty();
    }

    /**
     * @param version the slk version
     * @return the outcome as the one report layer renders it
     */
    public CheckReport toReport(String version) {
        WaiverLedger.Judged judged = judged();
        List<Finding> findings = judged.findings();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("filesScanned", report.filesScanned());
        facts.put("bytesScanned", report.bytesScanned());
        facts.put("binarySkipped", report.binarySkipped());
        if (report.history() != null) {
            facts.put("commitsScanned", report.history().commits());
            facts.put("blobsScanned", report.history().blobs());
            facts.put("blobBytesScanned", report.history().bytes());
            facts.put("binaryBlobsSkipped", report.history().binary());
        }
        facts.put("seconds", report.elapsed().toMillis() / 1000.0);
        if (baselineFile != null) {
            facts.put("baseline", baselineFile);
        }
        if (!ledger.waivers().isEmpty()) {
            facts.put("waivers", ledger.file());
        }
        List<Notice> notices = new ArrayList<>();
        report.notices().forEach(n -> notices.add(new Notice(n.relativePath(), n.message())));
        notices.addAll(judged.notices());
        return new CheckReport(COMMAND, version, findings, failOn, RuleCatalogue.all(), notices, facts,
                summary(findings), baselineFile != null);
    }

    /**
     * @return e.g. {@code 3 findings fail at --fail-on medium (1 below it, 1 suppressed, 2 baselined, 0 waived);
     *     120 files, 2.1 MB scanned in 0.40 s}; with the history {@code ...; 120 files, 2.1 MB and
     *     57 commits (812 blobs, 9.1 MB) scanned in 1.20 s}
     */
    public String summary() {
        return summary(findings());
    }

    private String summary(List<Finding> findings) {
        long failing = count(findings, Status.FAILING);
        return String.format(Locale.ROOT, "%s at --fail-on %s (%d below it, %d suppressed, %d baselined, %d waived); "
                        + "%d %s, %.1f MB%s scanned in %.2f s",
                failing == 0 ? "no findings fail" : failing + (failing == 1 ? " finding fails" : " findings fail"),
                failOn.label(), count(findings, Status.BELOW_THRESHOLD), count(findings, Status.SUPPRESSED),
                count(findings, Status.BASELINED), count(findings, Status.WAIVED), report.filesScanned(), report.filesScanned() == 1 ? "file" : "files",
                report.bytesScanned() / 1_000_000.0, history(), report.elapsed().toMillis() / 1000.0);
    }

    private String history() {
        ScanReport.History h = report.history();
        return h == null ? "" : String.format(Locale.ROOT, " and %d %s (%d %s, %.1f MB)", h.commits(),
                h.commits() == 1 ? "commit" : "commits", h.blobs(), h.blobs() == 1 ? "blob" : "blobs",
                h.bytes() / 1_000_000.0);
    }

    private long count(List<Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status(failOn) == status).count();
    }
}
