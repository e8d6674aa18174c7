package dev.slk.iam.rules;

import dev.slk.iam.policy.Policy;

/** Runs every rule over a context's policies. */
public final class Checks {
    private Checks() {
    }

    /** @param ctx the run; its findings receive the results */
    public static void run(Context ctx) {
        for (Policy p : ctx.policies()) {
            StatementChecks.check(p, ctx);
            TrustChecks.check(p, ctx);
        }
        EscalationCheck.check(ctx);
        NagSuppressionChecks.check(ctx);
    }
}
