package dev.slk.core.findings;

import java.time.LocalDate;
import java.util.Objects;

/** Why a finding is accepted and so does not fail its check; a reviewer reads the reason in every report. */
public sealed interface Acceptance permits Acceptance.Suppressed, Acceptance.Baselined, Acceptance.Waived {

    /** @return the status word of reports: {@code suppressed}, {@code baselined}, {@code waived} */
    String status();

    /** @return why, for people */
    String reason();

    /**
     * An inline {@code slk-scan:ignore RULE REASON} comment next to the finding.
     *
     * @param reason the reason written in the comment
     */
    record Suppressed(String reason) implements Acceptance {
        /** Checks the invariants. */
        public Suppressed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String status() {
            return "suppressed";
        }
    }

    /**
     * A baseline file lists the finding's fingerprint.
     *
     * @param file the baseline as the user named it
     */
    record Baselined(String file) implements Acceptance {
        /** Checks the invariants. */
        public Baselined {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String status() {
            return "baselined";
        }

        @Override
        public String reason() {
            return "listed in the baseline " + file;
        }
    }

    /**
     * An entry of the waiver ledger ({@code slk-waivers.yaml}) accepts the finding until its expiry.
     *
     * @param entry where the entry is, e.g. {@code slk-waivers.yaml:12:5}
     * @param owner who answers for it
     * @param reason why the finding is accepted (at least 10 characters)
     * @param expires the last day the waiver accepts it
     */
    record Waived(SourceLocation entry, String owner, String reason, LocalDate expires) implements Acceptance {
        /** Checks the invariants. */
        public Waived {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expires, "expires");
        }

        @Override
        public String status() {
            return "waived";
        }
    }
}
