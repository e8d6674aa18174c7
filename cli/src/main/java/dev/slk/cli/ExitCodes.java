package dev.slk.cli;

/** slk's exit codes, the same for every command. */
public final class ExitCodes {
    /** Success: nothing at or above the failing level was found. */
    public static final int OK = 0;
    /** The command ran and found problems (invalid config, findings). */
    public static final int FINDINGS = 1;
    /** Usage error, or input that cannot be used at all. */
    public static final int USAGE = 2;
    /** A bug in slk or a module: please report it. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
