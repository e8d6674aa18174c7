package dev.slk.core.findings;

import java.util.Comparator;
import java.util.Objects;

/**
 * One result of a check, the same for every checking command.
 *
 * @param ruleId stable id of the rule that produced it, e.g. {@code schema.type}
 * @param severity how serious, on the one scale
 * @param location where, as precisely as known
 * @param pointer JSON pointer of the key concerned, "" for the document or when there is none
 * @param message what is wrong, for a person; never a whole secret
 * @param hint how to fix it, or null
 * @param evidence a redacted preview of what matched (at most 4 characters of a secret), or ""
 * @param fingerprint stable id (32 hex characters) for baselines, waivers and SARIF; made of
 *     hashes, never of secret material, and never of a line number
 * @param module the module that owns the file or resource, or null
 * @param acceptance why the finding is accepted, or null when it is not
 */
public record Finding(
        String ruleId,
        Severity severity,
        Location location,
        String pointer,
        String message,
        String hint,
        String evidence,
        String fingerprint,
        String module,
        Acceptance acceptance) {

    /** Report order: by file, then position, then rule, then fingerprint. */
    public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::fingerprint);

    /** Checks the invariants. */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        pointer = pointer == null ? "" : pointer;
        evidence = evidence == null ? "" : evidence;
        fingerprint = fingerprint == null ? Fingerprints.of(ruleId, location.file(), pointer, message) : fingerprint;
    }

    /**
     * A finding about a key of a document (validate-config), fingerprinted by rule, file, pointer
     * and message.
     */
    public Finding(String ruleId, Severity severity, Location location, String pointer, String message, String hint) {
        this(ruleId, severity, location, pointer, message, hint, "", null, null, null);
    }

    /** @return true when something accepts this finding */
    public boolean accepted() {
        return acceptance != null;
    }

    /**
     * @param floor the lowest severity the result may have
     * @return this finding raised to {@code floor} (how {@code --strict} turns warnings into errors)
     */
    public Finding atLeast(Severity floor) {
        return severity.compareTo(floor) >= 0 ? this
                : new Finding(ruleId, floor, location, pointer, message, hint, evidence, fingerprint, module, acceptance);
    }

    /** @return this finding with another message (same fingerprint) */
    public Finding withMessage(String newMessage) {
        return new Finding(ruleId, severity, location, pointer, newMessage, hint, evidence, fingerprint, module,
                acceptance);
    }

    /** @return this finding with another hint (same fingerprint) */
    public Finding withHint(String newHint) {
        return new Finding(ruleId, severity, location, pointer, message, newHint, evidence, fingerprint, module,
                acceptance);
    }

    /**
     * @return this finding at another place (same fingerprint): where a history scan found the
     *     content, for example
     */
    public Finding withLocation(Location newLocation) {
        return new Finding(ruleId, severity, newLocation, pointer, message, hint, evidence, fingerprint, module,
                acceptance);
    }

    /** @return this finding attributed to a module */
    public Finding withModule(String moduleId) {
        return new Finding(ruleId, severity, location, pointer, message, hint, evidence, fingerprint, moduleId,
                acceptance);
    }

    /** @return this finding, accepted for the given reason */
    public Finding withAcceptance(Acceptance why) {
        return new Finding(ruleId, severity, location, pointer, message, hint, evidence, fingerprint, module, why);
    }

    /**
     * @param failOn the lowest severity that fails the check
     * @return why this finding does or does not fail it
     */
    public Status status(Severity failOn) {
        if (acceptance != null) {
            if (acceptance instanceof Acceptance.Suppressed) {
                return Status.SUPPRESSED;
            }
            return acceptance instanceof Acceptance.Baselined ? Status.BASELINED : Status.WAIVED;
        }
        return severity.compareTo(failOn) >= 0 ? Status.FAILING : Status.BELOW_THRESHOLD;
    }

    /** Why a finding does or does not fail its check. */
    public enum Status {
        /** At or above the threshold and not accepted. */
        FAILING,
        /** Below the threshold. */
        BELOW_THRESHOLD,
        /** Accepted by an inline comment. */
        SUPPRESSED,
        /** Accepted by a baseline. */
        BASELINED,
        /** Accepted by an active entry of the waiver ledger. */
        WAIVED;

        /** @return the word reports use: {@code failing}, {@code belowThreshold}, ... */
        public String label() {
            String lower = name().toLowerCase(java.util.Locale.ROOT);
            int underscore = lower.indexOf('_');
            return underscore < 0 ? lower
                    : lower.substring(0, underscore) + Character.toUpperCase(lower.charAt(underscore + 1))
                            + lower.substring(underscore + 2);
        }
    }
}
