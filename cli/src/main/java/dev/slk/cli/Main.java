package dev.slk.cli;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.Workspace;
import dev.slk.core.workspace.WorkspaceModules;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

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
        Path workingDirectory = Path.of("").toAbsolutePath();
        CliContext context = new CliContext(out, err, workingDirectory, System.getenv(),
                registry(workingDirectory, System.getenv(), Main.class.getClassLoader()));
        int code;
        try {
            code = SlkCommandLine.create(context).execute(args);
        } catch (Error e) {
            // picocli hands Errors on; they are slk's or a module's bug, reported like any other.
            if (java.util.Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(err);
            }
            Diagnostic.INTERNAL_ERROR.print(err, e.toString());
            code = ExitCodes.INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The modules slk sees: those on its own class path, and those built in the workspace of the
     * working directory (see docs/WORKSPACE.md), discovered once, when a command first needs them.
     *
     * @param workingDirectory where the workspace is looked for
     * @param environment may name the workspace ({@code SLK_WORKSPACE})
     * @param own slk's class loader
     * @return the registry supplier
     */
    static Supplier<ModuleRegistry> registry(Path workingDirectory, Map<String, String> environment, ClassLoader own) {
        return Memo.of(() -> ModuleRegistry.discover(Workspace.find(workingDirectory, environment)
                .map(workspace -> WorkspaceModules.scan(workspace).classLoader(own))
                .orElse(own)));
    }
}
