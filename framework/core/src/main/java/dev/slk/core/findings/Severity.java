package dev.slk.core.findings;

/** How serious a finding is. Errors fail a check; warnings fail it only under {@code --strict}. */
public enum Severity {
    ERROR,
    WARNING;

    /** @return the lower-case name used in text and JSON output */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
