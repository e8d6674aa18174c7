package dev.slk.deploy.verify;

import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Severity;
import java.util.List;

/**
 * The kinds of post-deployment check, as rules of the one report layer. A failed check is a finding
 * at {@code high}, a warning one at {@code low}; the severity given here is each rule's worst.
 */
public final class VerifyRules {
    /** The stack's status is a completed create or update. */
    public static final Rule STACK = new Rule("verify.stack", Severity.HIGH,
            "The deployed stack's status is a completed create or update, not a rollback or a deletion",
            "read the stack's events in CloudFormation; redeploy with slk deploy or return with slk rollback");
    /** Each function of the assembly exists as synthesized. */
    public static final Rule FUNCTION = new Rule("verify.function", Severity.HIGH,
            "Every function of the deployed assembly exists with the runtime, architecture, memory and timeout synthesized",
            "a function changed outside slk: redeploy with slk deploy so that the stack matches its assembly again");
    /** Each queue exists; its depth is the figure. */
    public static final Rule QUEUE = new Rule("verify.queue", Severity.HIGH,
            "Every queue of the deployed assembly exists (its depth is the figure)",
            "redeploy with slk deploy; a queue missing from the stack was deleted outside slk");
    /** Dead-letter queues exist and are empty. */
    public static final Rule DEAD_LETTER_QUEUE = new Rule("verify.dead-letter-queue", Severity.HIGH,
            "Every dead-letter queue of the deployed assembly exists and holds no message",
            "read the messages of the dead-letter queue to see why processing failed, fix the cause, then redrive them");
    /** The secrets the configuration names exist. */
    public static final Rule SECRET = new Rule("verify.secret", Severity.HIGH,
            "Every Secrets Manager secret the configuration names exists (described, never read)",
            "create the secret in Secrets Manager in the stack's region, or correct its name in the configuration");
    /** No errors in the functions' logs. */
    public static final Rule LOGS = new Rule("verify.logs", Severity.LOW,
            "The functions' log groups hold no ERROR line in the last minutes (--minutes)",
            "read the function's log group in CloudWatch Logs for the errors");
    /** Fresh objects reach the Security Lake bucket. */
    public static final Rule LAKE = new Rule("verify.lake", Severity.LOW,
            "New objects arrived under the Security Lake bucket's ext/ prefix in the last hour",
            "check that the sources send events and that the functions write them (their logs, the queues' depths)");

    private VerifyRules() {
    }

    /** @return every rule, in the order the checks run */
    public static List<Rule> all() {
        return List.of(STACK, FUNCTION, QUEUE, DEAD_LETTER_QUEUE, SECRET, LOGS, LAKE);
    }
}
