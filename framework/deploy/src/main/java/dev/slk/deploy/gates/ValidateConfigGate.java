package dev.slk.deploy.gates;

import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;

/** validate-config, with {@code --strict} in prod: a warning there fails the deployment. */
public final class ValidateConfigGate implements Gate {
    @Override
    public String name() {
        return "validate-config";
    }

    @Override
    public GateResult run(GateContext context) {
        long start = System.nanoTime();
        ValidationReport report = new ConfigValidator(context.registry()).validate(context.document(),
                context.selectedEnvironment());
        int warnings = report.warnings().size();
        if (context.production()) {
            report = report.strict();
        }
        String figures = report.errors().size() + " error(s), " + warnings + " warning(s)"
                + (context.production() ? " (--strict in prod)" : "") + ", " + report.modulesChecked().size()
                + " module(s) checked";
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!report.valid()) {
            String first = report.errors().get(0).location() + ": " + report.errors().get(0).message();
            return new GateResult.Failed(name(), figures + "; first: " + first, millis);
        }
        return new GateResult.Passed(name(), figures, millis);
    }
}
