package dev.slk.core.report;

import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The report for people: one {@code file:line:column: level: message [rule]} line per finding, as
 * compilers print them so that editors and terminals link them, an indented line with the JSON
 * pointer and the fix, the notices, then the command's summary line. ANSI colour only when asked
 * (the CLI asks on a terminal without {@code NO_COLOR}).
 */
public final class TextReport {
    private static final String RESET = "\u001B[0m";

    private TextReport() {
    }

    /**
     * @param report the judged run
     * @param colour whether to colour levels and the summary
     * @return the text, ending with a newline
     */
    public static String render(CheckReport report, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            Status status = report.status(f);
            out.append(f.location()).append(": ").append(paint(colour, colourOf(f.severity()), word(f.severity())))
                    .append(": ").append(f.message()).append(" [").append(f.ruleId()).append(']')
                    .append(tags(f, status)).append('\n');
            List<String> details = new ArrayList<>();
            if (!f.pointer().isEmpty()) {
                details.add("at " + f.pointer());
            }
            if (f.hint() != null && !f.hint().isBlank() && !f.accepted()) {
                details.add(f.hint());
            }
            if (!details.isEmpty()) {
                out.append("    ").append(String.join("; ", details)).append('\n');
            }
        }
        report.notices().forEach(n -> out.append("notice: ").append(n.path().isEmpty() ? "" : n.path() + ": ")
                .append(n.message()).append('\n'));
        String verdict = report.passed() ? "1;32" : "1;31";
        return out.append(paint(colour, verdict, report.summary())).append('\n').toString();
    }

    /**
     * @param severity a severity
     * @return the word of a text line: {@code critical}, {@code error}, {@code warning} or
     *     {@code note} (a configuration's errors and warnings read as they always have)
     */
    public static String word(Severity severity) {
        return severity == Severity.CRITICAL ? "critical" : severity.sarifLevel();
    }

    private static String tags(Finding f, Status status) {
        StringBuilder tags = new StringBuilder();
        if (f.module() != null) {
            tags.append(" [module ").append(f.module()).append(']');
        }
        switch (status) {
            case SUPPRESSED -> tags.append(" [suppressed: ").append(f.acceptance().reason()).append(']');
            case BASELINED -> tags.append(" [baselined]");
            case WAIVED -> {
                Acceptance.Waived w = (Acceptance.Waived) f.acceptance();
                tags.append(" [waived until ").append(w.expires()).append(" by ").append(w.owner()).append(" (")
                        .append(w.entry()).append("): ").append(w.reason()).append(']');
            }
            case FAILING, BELOW_THRESHOLD -> { }
        }
        return tags.toString();
    }

    private static String colourOf(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "1;35";
            case HIGH -> "1;31";
            case MEDIUM -> "1;33";
            case LOW -> "1;36";
        };
    }

    private static String paint(boolean colour, String code, String text) {
        return colour ? "\u001B[" + code + "m" + text + RESET : text;
    }
}
