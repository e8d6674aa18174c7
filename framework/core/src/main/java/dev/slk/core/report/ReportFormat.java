package dev.slk.core.report;

/** The formats every checking command writes. Lower-case constants, because users type and see them. */
public enum ReportFormat {
    /** For people: one compiler-style line per finding, then a summary line. */
    text,
    /** slk's own versioned JSON document (docs/REPORTS.md). */
    json,
    /** SARIF 2.1.0, as GitHub code scanning reads it. */
    sarif,
    /** JUnit XML, one test case per rule and location, for CI dashboards. */
    junit
}
