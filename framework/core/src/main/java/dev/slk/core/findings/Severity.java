package dev.slk.core.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one severity scale of every slk check, lowest first, so that {@code compareTo} orders a
 * threshold. A configuration error, a cdk-nag error and a hard-coded password all sit on it:
 * errors of validate-config and cdk-nag are {@link #HIGH}, their warnings {@link #MEDIUM}.
 */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** @return the lower-case name users write in {@code --fail-on} and see in JSON */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the SARIF level, which is also the word of compiler-style text lines: high and
     *     critical are errors, medium a warning, low a note
     */
    public String sarifLevel() {
        return switch (this) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** @return the GitHub code scanning {@code security-severity} score (critical above 9, high 7 to 8.9...) */
    public String securitySeverity() {
        return switch (this) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
        };
    }

    /** @return true for the levels that are errors (high, critical) */
    public boolean isError() {
        return compareTo(HIGH) >= 0;
    }

    /**
     * @param label a label as a user writes it, any case
     * @return the severity
     * @throws IllegalArgumentException naming the accepted labels when there is none such
     */
    public static Severity parse(String label) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(label.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not one of " + labels());
    }

    /** @return {@code low, medium, high, critical} */
    public static String labels() {
        return Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", "));
    }
}
