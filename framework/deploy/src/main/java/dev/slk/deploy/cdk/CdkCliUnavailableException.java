package dev.slk.deploy.cdk;

/** The CDK CLI is missing, cannot be run, or is a version slk cannot deploy with; the message says what to do. */
public final class CdkCliUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, ending with what to do */
    public CdkCliUnavailableException(String message) {
        super(message);
    }
}
