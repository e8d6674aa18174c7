package dev.slk.deploy.verify;

import dev.slk.core.findings.Location;
import dev.slk.core.findings.Rule;
import java.util.Objects;

/**
 * One post-deployment check.
 *
 * @param rule the kind of check, one of {@link VerifyRules}
 * @param check what was checked, e.g. {@code stack security-lake-integration-dev}
 * @param status PASS, WARN or FAIL
 * @param figure what was found, e.g. {@code UPDATE_COMPLETE} or {@code 0 message(s)}
 * @param location what the check compares against: the resource in the deployed assembly's template,
 *     or the key of the configuration that names the secret or bucket
 */
public record CheckResult(Rule rule, String check, Status status, String figure, Location location) {
    /** Checks the invariants. */
    public CheckResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(location, "location");
    }

    /** A check's verdict. */
    public enum Status {
        /** As expected. */
        PASS,
        /** Worth a look; the deployment works. */
        WARN,
        /** Not as deployed. */
        FAIL
    }
}
