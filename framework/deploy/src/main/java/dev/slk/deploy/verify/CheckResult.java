package dev.slk.deploy.verify;

/**
 * One post-deployment check.
 *
 * @param check what was checked, e.g. {@code stack status}
 * @param status PASS, WARN or FAIL
 * @param figure what was found, e.g. {@code UPDATE_COMPLETE} or {@code 0 messages}
 */
public record CheckResult(String check, Status status, String figure) {
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
