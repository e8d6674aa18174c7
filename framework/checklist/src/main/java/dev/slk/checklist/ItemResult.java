package dev.slk.checklist;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import java.util.List;

/**
 * One item's answer for one module, after waivers.
 *
 * @param item the item
 * @param verdict PASS, FAIL, WARN or N/A
 * @param evidence what was measured, one line each; for N/A the reason
 * @param findings the item's findings, accepted ones included
 */
public record ItemResult(Item item, Verdict verdict, List<String> evidence, List<Finding> findings) {

    /** The lowest severity that fails an item. */
    public static final Severity FAIL_ON = Severity.MEDIUM;

    /** Copies the lists. */
    public ItemResult {
        evidence = List.copyOf(evidence);
        findings = List.copyOf(findings);
    }

    /**
     * @param item the item
     * @param measurement what its check measured
     * @param judged the measured findings with the acceptance waivers gave them
     * @return the result
     */
    static ItemResult of(Item item, Measurement measurement, List<Finding> judged) {
        if (measurement instanceof Measurement.NotApplicable na) {
            return new ItemResult(item, Verdict.NOT_APPLICABLE, List.of(na.reason()), List.of());
        }
        Measurement.Measured measured = (Measurement.Measured) measurement;
        Verdict verdict = Verdict.PASS;
        for (Finding f : judged) {
            Finding.Status status = f.status(FAIL_ON);
            if (status == Finding.Status.FAILING) {
                verdict = Verdict.FAIL;
            } else if (status == Finding.Status.BELOW_THRESHOLD && verdict == Verdict.PASS) {
                verdict = Verdict.WARN;
            }
        }
        return new ItemResult(item, verdict, measured.evidence(), judged);
    }
}
