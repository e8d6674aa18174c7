package dev.slk.cli;

import dev.slk.core.registry.ModuleRegistry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code slk} executable. */
public final class Main {
    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        ClassLoader loader = Main.class.getClassLoader();
        CliContext context = new CliContext(out, err, Path.of("").toAbsolutePath(), System.getenv(),
                Memo.of(() -> ModuleRegistry.discover(loader)));
        int code;
        try {
            code = SlkCommandLine.create(context).execute(args);
        } catch (Error e) {
            // picocli hands Errors on; they are slk's or a module's bug, reported like any other.
            if (java.util.Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(err);
            }
            err.println("slk: internal error: " + e);
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
