package dev.slk.cli;

import java.io.PrintWriter;

/** Progress of long work on stderr, one line per stage with the time since the start. */
final class Progress {
    private final PrintWriter err;
    private final boolean quiet;
    private final long start = System.nanoTime();

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    void stage(String what) {
        if (!quiet) {
            err.printf("slk: [%5.1fs] %s%n", (System.nanoTime() - start) / 1e9, what);
            err.flush();
        }
    }
}
