package dev.slk.scan;

import java.util.Locale;

/** How serious a security-scan finding is, lowest first. */
public enum ScanSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** @return the lower-case name users write in {@code --fail-on} and see in output */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the SARIF level: critical and high are errors, medium a warning, low a note */
    public String sarifLevel() {
        return switch (this) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** @return the GitHub code scanning security-severity score for this level */
    public String securitySeverity() {
        return switch (this) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
        };
    }
}
