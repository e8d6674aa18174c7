package dev.slk.core.waivers;

import java.util.Locale;

/** Where a waiver stands on a given day, as {@code slk waivers} lists it. */
public enum WaiverState {
    /** Accepts what it matches, and expires more than {@value WaiverLedger#EXPIRING_DAYS} days from now. */
    ACTIVE,
    /** Accepts what it matches, and expires within {@value WaiverLedger#EXPIRING_DAYS} days: renew or fix. */
    EXPIRING,
    /** Past its expiry: accepts nothing; the findings it matches fail again and say so. */
    EXPIRED,
    /** Matches no finding of the checks that ran: remove it. */
    ORPHANED;

    /** @return the lower-case word of listings and JSON */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
