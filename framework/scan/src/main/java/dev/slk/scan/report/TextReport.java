package dev.slk.scan.report;

import dev.slk.core.findings.Finding;
import dev.slk.scan.ScanOutcome;
import dev.slk.core.findings.Finding.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Findings grouped by file, for people; one summary line at the end. */
public final class TextReport {
    private TextReport() {
    }

    /**
     * @param outcome the judged scan
     * @return the report text
     */
    public static String render(ScanOutcome outcome) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        outcome.report().findings().forEach(f -> byFile.computeIfAbsent(f.location().file(), k -> new java.util.ArrayList<>()).add(f));
        StringBuilder out = new StringBuilder();
        byFile.forEach((path, findings) -> {
            out.append(path).append('\n');
            for (Finding f : findings) {
                Status status = outcome.status(f);
                out.append(String.format(Locale.ROOT, "  %d:%d  %-8s  %s  %s%s%n", f.location().line(), f.location().column(),
                        f.severity().label(), f.ruleId(), f.message(), tag(status, f)));
                if (f.hint() != null && !f.hint().isBlank() && status == Status.FAILING) {
                    out.append("      hint: ").append(f.hint()).append('\n');
                }
            }
        });
        outcome.report().notices().forEach(n -> out.append("notice: ").append(n.relativePath()).append(": ")
                .append(n.message()).append('\n'));
        return out.append(summary(outcome)).append('\n').toString();
    }

    /** @return e.g. {@code 3 findings fail at --fail-on medium (1 suppressed, 2 baselined); 120 files, 2.1 MB in 0.4 s} */
    public static String summary(ScanOutcome outcome) {
        long failing = outcome.count(Status.FAILING);
        var report = outcome.report();
        return String.format(Locale.ROOT, "%s at --fail-on %s (%d below it, %d suppressed, %d baselined); "
                        + "%d %s, %.1f MB scanned in %.2f s",
                failing == 0 ? "no findings fail" : failing + (failing == 1 ? " finding fails" : " findings fail"),
                outcome.failOn().label(), outcome.count(Status.BELOW_THRESHOLD), outcome.count(Status.SUPPRESSED),
                outcome.count(Status.BASELINED), report.filesScanned(), report.filesScanned() == 1 ? "file" : "files",
                report.bytesScanned() / 1_000_000.0,
                report.elapsed().toMillis() / 1000.0);
    }

    private static String tag(Status status, Finding f) {
        return switch (status) {
            case SUPPRESSED -> "  [suppressed: " + f.acceptance().reason() + "]";
            case BASELINED -> "  [baselined]";
            default -> f.module() == null ? "" : "  [module " + f.module() + "]";
        };
    }
}
