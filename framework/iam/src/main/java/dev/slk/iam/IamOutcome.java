package dev.slk.iam;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Severity;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.Notice;
import dev.slk.core.report.ReportOutput;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.iam.rules.IamRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An analysis judged against a threshold, as the one report layer renders it.
 *
 * @param analysis the analysis
 * @param failOn the lowest severity that fails
 * @param source what was analysed, e.g. {@code cdk.out} or the template files
 * @param catalogue the catalogue's name and version
 * @param catalogueMillis how long loading the catalogue took
 * @param baselineFile the access baseline as the user named it, or null
 * @param ledger the waiver ledger
 * @param scope which of its waivers this run answers for (see {@link #scope})
 */
public record IamOutcome(IamAnalysis analysis, Severity failOn, String source, String catalogue, long catalogueMillis,
        String baselineFile, WaiverLedger ledger, WaiverLedger.Scope scope) {
    /** The command name reports carry. */
    public static final String COMMAND = "iam-analyzer";

    /** Where {@code --output} may write: nowhere but absent, empty or earlier iam-analyzer reports. */
    public static final ReportOutput OUTPUT = new ReportOutput(COMMAND,
            line -> line.contains(" at --fail-on ") && line.contains(" statements analysed in "));

    /**
     * @param complete whether every module was analysed (one module's run orphans no waiver)
     * @param strict whether an orphaned waiver fails the run
     * @return the waivers the iam-analyzer answers for: those of its rules
     */
    public static WaiverLedger.Scope scope(boolean complete, boolean strict) {
        return WaiverLedger.Scope.of(ruleIds(), complete, strict);
    }

    /** @return the ids of the analyzer's rules, so that other commands leave their waivers alone */
    public static List<String> ruleIds() {
        return IamRules.all().stream().map(dev.slk.core.findings.Rule::id).toList();
    }

    /** @return the run as a report */
    public CheckReport toReport(String version) {
        WaiverLedger.Judged judged = ledger.judge(analysis.findings(), scope);
        List<Finding> findings = judged.findings();
        List<Notice> notices = new ArrayList<>(analysis.notices());
        notices.addAll(judged.notices());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", source);
        facts.put("policies", analysis.policies().size());
        facts.put("statements", analysis.statements());
        facts.put("modules", List.copyOf(analysis.envelopes().keySet()));
        facts.put("catalogue", catalogue);
        facts.put("catalogueLoadMillis", catalogueMillis);
        facts.put("seconds", analysis.elapsed().toMillis() / 1000.0);
        if (baselineFile != null) {
            facts.put("baseline", baselineFile);
        }
        if (!ledger.waivers().isEmpty()) {
            facts.put("waivers", ledger.file());
        }
        long failing = findings.stream().filter(f -> f.status(failOn) == Status.FAILING).count();
        long below = findings.stream().filter(f -> f.status(failOn) == Status.BELOW_THRESHOLD).count();
        long waived = findings.stream().filter(f -> f.status(failOn) == Status.WAIVED).count();
        String summary = String.format(Locale.ROOT, "%s at --fail-on %s (%d below it, %d waived); %d policies, "
                        + "%d statements analysed in %.2f s",
                failing == 0 ? "no findings fail" : failing + (failing == 1 ? " finding fails" : " findings fail"),
                failOn.label(), below, waived, analysis.policies().size(), analysis.statements(),
                analysis.elapsed().toMillis() / 1000.0);
        return new CheckReport(COMMAND, version, findings, failOn, IamRules.all(), notices, facts, summary,
                false);
    }
}
