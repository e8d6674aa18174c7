package dev.slk.deploy.gates;

import dev.slk.core.findings.Finding;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.waivers.WaiverLedger;

/**
 * validate-config as {@code slk validate-config} runs it, with {@code --strict} in prod (a warning, an
 * orphaned waiver included, fails the deployment there): the waiver ledger judges the findings, so a
 * waived error does not stop the deployment and an expired waiver does.
 */
public final class ValidateConfigGate implements Gate {
    @Override
    public String name() {
        return "validate-config";
    }

    @Override
    public GateResult run(GateContext context) {
        long start = System.nanoTime();
        WaiverLedger ledger;
        try {
            ledger = Ledger.read(context);
        } catch (Ledger.UnusableLedger e) {
            return new GateResult.Failed(name(), e.getMessage(), millisSince(start));
        }
        boolean strict = context.production();
        ValidationReport validated = new ConfigValidator(context.registry()).validate(context.document(),
                context.selectedEnvironment());
        int warnings = validated.warnings().size();
        if (strict) {
            validated = validated.strict();
        }
        ValidationReport report = validated.judge(ledger,
                WaiverLedger.Scope.unclaimed(context.document().file(), strict)).report();
        long waived = report.findings().stream().filter(Finding::accepted).count();
        String figures = report.errors().size() + " error(s), " + warnings + " warning(s)"
                + (waived == 0 ? "" : ", " + waived + " waived") + (strict ? " (--strict in prod)" : "") + ", "
                + report.modulesChecked().size() + " module(s) checked";
        long millis = millisSince(start);
        if (!report.valid()) {
            Finding first = report.errors().get(0);
            return new GateResult.Failed(name(), figures + "; first: " + first.location() + ": " + first.message(),
                    millis);
        }
        return new GateResult.Passed(name(), figures, millis);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
