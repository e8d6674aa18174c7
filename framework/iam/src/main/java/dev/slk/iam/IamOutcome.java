package dev.slk.iam;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Severity;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.ReportOutput;
import dev.slk.iam.rules.IamRules;
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
 */
public record IamOutcome(IamAnalysis analysis, Severity failOn, String source, String catalogue, long catalogueMillis,
        String baselineFile) {
    /** The command name reports carry. */
    public static final String COMMAND = "iam-analyzer";

    /** Where {@code --output} may write: nowhere but absent, empty or earlier iam-analyzer reports. */
    public static final ReportOutput OUTPUT = new ReportOutput(COMMAND,
            line -> line.contains(" at --fail-on ") && line.contains(" statements analysed in "));

    /** @return the run as a report */
    public CheckReport toReport(String version) {
        List<Finding> findings = analysis.findings();
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
        long failing = findings.stream().filter(f -> f.status(failOn) == Status.FAILING).count();
        long below = findings.stream().filter(f -> f.status(failOn) == Status.BELOW_THRESHOLD).count();
        String summary = String.format(Locale.ROOT, "%s at --fail-on %s (%d below it); %d policies, %d statements "
                        + "analysed in %.2f s",
                failing == 0 ? "no findings fail" : failing + (failing == 1 ? " finding fails" : " findings fail"),
                failOn.label(), below, analysis.policies().size(), analysis.statements(),
                analysis.elapsed().toMillis() / 1000.0);
        return new CheckReport(COMMAND, version, findings, failOn, IamRules.all(), analysis.notices(), facts, summary,
                false);
    }
}
