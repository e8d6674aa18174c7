package dev.slk.core.yaml;

import dev.slk.core.findings.SourceLocation;

/**
 * The input cannot be used at all: missing, a directory, too large, not UTF-8, not YAML, or
 * built to exhaust the parser. Commands report it in one line and exit with code 2.
 */
public final class UnreadableInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;

    /**
     * @param location where, as precisely as known
     * @param message what is wrong
     */
    public UnreadableInputException(SourceLocation location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    /** @return where the problem is */
    public SourceLocation location() {
        return location;
    }
}
