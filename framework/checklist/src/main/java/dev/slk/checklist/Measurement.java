package dev.slk.checklist;

import dev.slk.core.findings.Finding;
import java.util.List;
import java.util.Objects;

/** What one check measured on one module, before waivers are applied. */
public sealed interface Measurement permits Measurement.Measured, Measurement.NotApplicable {

    /**
     * The item was measured.
     *
     * @param evidence what was looked at and found, one line each (figures, files, keys)
     * @param findings what is wrong, at the item's rule id; empty when the item is met
     */
    record Measured(List<String> evidence, List<Finding> findings) implements Measurement {
        /** Copies the lists. */
        public Measured {
            evidence = List.copyOf(evidence);
            findings = List.copyOf(findings);
        }
    }

    /**
     * The item does not apply.
     *
     * @param reason why, for people
     */
    record NotApplicable(String reason) implements Measurement {
        /** Checks the invariant. */
        public NotApplicable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
