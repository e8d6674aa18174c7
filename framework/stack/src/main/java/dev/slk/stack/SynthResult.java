package dev.slk.stack;

import dev.slk.core.validation.ValidationReport;

/** How a synthesis ended. */
public sealed interface SynthResult {

    /**
     * The configuration is invalid; nothing was built or written.
     *
     * @param report what validation found
     */
    record Invalid(ValidationReport report) implements SynthResult {
    }

    /**
     * The stack could not be built: a module hook failed, or the configuration cannot be built as
     * asked. Nothing was written.
     *
     * @param reason one line naming the module and hook, or the config key
     */
    record Failed(String reason) implements SynthResult {
    }

    /**
     * The stack was synthesized; it was written unless cdk-nag found errors (or warnings under
     * --strict).
     *
     * @param summary what was built and what cdk-nag found
     */
    record Synthesized(SynthSummary summary) implements SynthResult {
    }

    /**
     * The assembly was synthesized from exactly today's inputs; nothing was built or written.
     *
     * @param stackName the stack it holds
     * @param outDirectory where it is
     * @param millis how long the check took
     */
    record UpToDate(String stackName, String outDirectory, long millis) implements SynthResult {
    }
}
