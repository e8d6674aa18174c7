package dev.slk.core.report;

import java.util.List;

/** Renders a judged run in the format the user chose. */
public final class Reports {
    private Reports() {
    }

    /**
     * @param report the judged run
     * @param format the format
     * @param colour whether the text format may use ANSI colour
     * @return the document, and what it had to leave out
     */
    public static Rendered render(CheckReport report, ReportFormat format, boolean colour) {
        return switch (format) {
            case text -> new Rendered(TextReport.render(report, colour), List.of());
            case json -> new Rendered(JsonReport.render(report), List.of());
            case sarif -> SarifReport.render(report);
            case junit -> new Rendered(JUnitReport.render(report), List.of());
        };
    }
}
