package dev.slk.deploy;

import java.util.List;
import java.util.Map;

/**
 * What one deployment did, as written to {@code .slk/deployments/<env>/<id>.json}. Holds no secret:
 * the configuration is represented by its fingerprint, outputs are the stack's outputs (ARNs, URLs).
 *
 * @param id the record's id, sortable by time ({@code 20261206T141503Z-a1b2})
 * @param time when the deployment ended, ISO-8601
 * @param environment the environment
 * @param stack the stack name
 * @param slkVersion slk's version
 * @param cdkCliVersion the CDK CLI's version
 * @param configFingerprint sha256 of the configuration file
 * @param assemblyFingerprint sha256 of the deployed cloud assembly
 * @param gates each gate's name, result and figures
 * @param diff the change summary
 * @param outcome {@code deployed}, {@code failed} or {@code destroyed}
 * @param message the failure's line, or empty
 * @param outputs the stack's outputs after the deployment
 * @param phasesMillis wall time of each phase
 */
public record DeploymentRecord(String id, String time, String environment, String stack, String slkVersion,
        String cdkCliVersion, String configFingerprint, String assemblyFingerprint, List<Map<String, String>> gates,
        String diff, String outcome, String message, Map<String, String> outputs, Map<String, Long> phasesMillis) {
    /** The outcome of a deployment that completed. */
    public static final String DEPLOYED = "deployed";
    /** The outcome of a deployment the CDK CLI reported as failed. */
    public static final String FAILED = "failed";
    /** The outcome of a {@code slk destroy} that deleted the stack. */
    public static final String DESTROYED = "destroyed";

    /** @return whether this deployment succeeded */
    public boolean succeeded() {
        return DEPLOYED.equals(outcome);
    }
}
