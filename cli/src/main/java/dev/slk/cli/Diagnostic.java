package dev.slk.cli;

import dev.slk.core.text.Echo;
import java.io.PrintWriter;

/**
 * The kinds of line slk prints on stderr besides reports, each with its one prefix. This is the
 * only place the prefixes are spelt, so that the same kind of message reads the same in every
 * command: a usage error and an unreadable file are both errors, and both say {@code slk: error:}.
 */
enum Diagnostic {
    /** The command was refused or could not run on its input (exit code 1 or 2). */
    ERROR("slk: error: "),
    /** A bug in slk or a module (exit code 3). */
    INTERNAL_ERROR("slk: internal error: "),
    /** Information the user may act on; the command goes on. */
    NOTE("slk: note: ");

    private final String prefix;

    Diagnostic(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Prints the message, every line of it under this kind's prefix. Control and direction
     * characters are escaped here, so that none of picocli's messages (which repeat arguments
     * as typed) or slk's can make the terminal show something other than what was typed.
     *
     * @param err where
     * @param message one or more lines, separated by {@code \n}
     */
    void print(PrintWriter err, String message) {
        for (String line : message.split("\n", -1)) {
            err.println(prefix + Echo.escape(line));
        }
    }
}
