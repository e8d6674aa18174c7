package dev.slk.checklist;

/** The answer to one checklist item. */
public enum Verdict {
    /** Measured and met (accepted findings included: they show with their reason). */
    PASS,
    /** Measured and not met: at least one finding fails. */
    FAIL,
    /** Met, with findings below the failing level. */
    WARN,
    /** Does not apply to this module; the result says why. */
    NOT_APPLICABLE;

    /** @return the word reports show: PASS, FAIL, WARN, N/A */
    public String label() {
        return this == NOT_APPLICABLE ? "N/A" : name();
    }
}
