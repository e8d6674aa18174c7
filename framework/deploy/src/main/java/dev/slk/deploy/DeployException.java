package dev.slk.deploy;

/** A deployment that cannot start or go on, in one line with slk's exit code. */
public final class DeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /**
     * @param exitCode 1 (refused or failed) or 2 (environment not ready, usage)
     * @param message one line
     */
    public DeployException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** @return slk's exit code */
    public int exitCode() {
        return exitCode;
    }
}
