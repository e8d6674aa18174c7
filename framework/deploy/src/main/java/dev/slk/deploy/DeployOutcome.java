package dev.slk.deploy;

import dev.slk.deploy.gates.GateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How a deployment ended. Every outcome lists the gates' results and the wall time of each phase. */
public sealed interface DeployOutcome {
    /** @return the gates' results, in order, up to the first that failed */
    List<GateResult> gates();

    /** @return wall time of each phase that ran, in milliseconds, in order */
    Map<String, Long> phasesMillis();

    /**
     * A gate failed: nothing was deployed.
     *
     * @param gates the results
     * @param phasesMillis timings
     */
    record GateFailed(List<GateResult> gates, Map<String, Long> phasesMillis) implements DeployOutcome {
    }

    /**
     * {@code --dry-run}: the gates passed and the diff was shown; nothing was deployed.
     *
     * @param gates the results
     * @param diff what would change
     * @param phasesMillis timings
     */
    record DryRun(List<GateResult> gates, DiffSummary diff, Map<String, Long> phasesMillis) implements DeployOutcome {
    }

    /**
     * The deployed stack already matches the assembly: nothing to deploy, no record.
     *
     * @param gates the results
     * @param stack the stack
     * @param phasesMillis timings
     */
    record UpToDate(List<GateResult> gates, String stack, Map<String, Long> phasesMillis) implements DeployOutcome {
    }

    /**
     * Approval was needed and not given: nothing was deployed.
     *
     * @param gates the results
     * @param diff what would change
     * @param reason one line, saying how to approve
     * @param phasesMillis timings
     */
    record Refused(List<GateResult> gates, DiffSummary diff, String reason, Map<String, Long> phasesMillis)
            implements DeployOutcome {
    }

    /**
     * The CDK CLI deployed the stack, or failed to; either way a record was written.
     *
     * @param gates the results
     * @param diff what changed
     * @param record the record written
     * @param recordFile where
     * @param failure null when deployed, else the one line and exit code
     * @param phasesMillis timings
     */
    record Ran(List<GateResult> gates, DiffSummary diff, DeploymentRecord record, Path recordFile, CdkFailure failure,
            Map<String, Long> phasesMillis) implements DeployOutcome {
    }
}
