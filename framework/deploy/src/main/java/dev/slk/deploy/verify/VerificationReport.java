package dev.slk.deploy.verify;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.Severity;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.Rendered;
import dev.slk.core.report.ReportFormat;
import dev.slk.core.report.Reports;
import dev.slk.deploy.verify.CheckResult.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code slk verify} as a run of a checking command, for the one report layer: a failed check is a
 * finding at {@code high}, a warning one at {@code low} (below the threshold, so it does not fail the
 * run), and the counts and every check's verdict and figure are facts ({@code passed}, {@code failed},
 * {@code warned}, {@code <check>} and {@code <check>.figure}).
 * The text format starts with one line per check, then the report layer's findings and summary.
 */
public final class VerificationReport {
    /** The command's name in every format. */
    public static final String COMMAND = "verify";
    /** A failed check fails the run; a warning does not. */
    public static final Severity FAIL_ON = Severity.MEDIUM;
    private static final Pattern SUMMARY = Pattern.compile("^verify: \\d+ checks of .*; (passed|failed)$");

    private VerificationReport() {
    }

    /** @return recognises the last line of a text report, so --output may replace an earlier report */
    public static Predicate<String> summaryLine() {
        return line -> SUMMARY.matcher(line).matches();
    }

    /**
     * @param verified the checks and the deployment they checked
     * @param version the slk version
     * @return the judged run
     */
    public static CheckReport of(Verification.Verified verified, String version) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("environment", verified.environment());
        facts.put("stack", verified.stack());
        facts.put("record", verified.record());
        facts.put("checks", verified.checks().size());
        facts.put("passed", count(verified, Status.PASS));
        facts.put("failed", count(verified, Status.FAIL));
        facts.put("warned", count(verified, Status.WARN));
        for (CheckResult check : verified.checks()) {
            facts.put(check.check(), check.status().name());
            facts.put(check.check() + ".figure", check.figure());
            if (check.status() != Status.PASS) {
                findings.add(finding(verified.stack(), check));
            }
        }
        return new CheckReport(COMMAND, version, findings, FAIL_ON, VerifyRules.all(), List.of(), facts,
                summary(verified), false);
    }

    /**
     * @param verified the checks and the deployment they checked
     * @param format the format
     * @param colour whether text may use ANSI colour
     * @param version the slk version
     * @return the document
     */
    public static Rendered render(Verification.Verified verified, ReportFormat format, boolean colour, String version) {
        Rendered report = Reports.render(of(verified, version), format, colour);
        if (format != ReportFormat.text) {
            return report;
        }
        return new Rendered(table(verified.checks()) + report.text(), report.warnings());
    }

    /** @return one line per check: verdict, what was checked, its figure */
    static String table(List<CheckResult> checks) {
        int width = checks.stream().mapToInt(r -> r.check().length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        for (CheckResult r : checks) {
            out.append(String.format(Locale.ROOT, "%-4s  %-" + width + "s  %s%n", r.status(), r.check(), r.figure()));
        }
        return out.append(checks.isEmpty() ? "" : "\n").toString();
    }

    static String summary(Verification.Verified verified) {
        return "verify: " + verified.checks().size() + " checks of " + verified.stack() + " (record "
                + verified.record() + "): " + count(verified, Status.PASS) + " passed, " + count(verified, Status.FAIL)
                + " failed, " + count(verified, Status.WARN) + " warned; " + (verified.passed() ? "passed" : "failed");
    }

    private static Finding finding(String stack, CheckResult check) {
        Severity severity = check.status() == Status.FAIL ? Severity.HIGH : Severity.LOW;
        // Stable across deployments and figures: the kept assembly's path and the depth or count change.
        String fingerprint = Fingerprints.of(check.rule().id(), stack, check.check());
        return new Finding(check.rule().id(), severity, check.location(), "", check.check() + ": " + check.figure(),
                check.rule().hint(), "", fingerprint, null, null);
    }

    private static long count(Verification.Verified verified, Status status) {
        return verified.checks().stream().filter(c -> c.status() == status).count();
    }
}
