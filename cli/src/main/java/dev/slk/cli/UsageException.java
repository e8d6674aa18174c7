package dev.slk.cli;

/** The command line asks for something contradictory or impossible; exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
