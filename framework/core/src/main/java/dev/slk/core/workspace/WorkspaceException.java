package dev.slk.core.workspace;

/**
 * The workspace named by the user or found on disk cannot be used; reported in one line, exit code
 * 2. Unchecked, because it surfaces wherever modules are first needed.
 */
public final class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong
     */
    public WorkspaceException(String message) {
        super(message);
    }
}
