package dev.slk.cli;

import dev.slk.core.registry.ModuleRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** Runs slk through the same factory as main, capturing what it prints. */
final class Slk {
    private static final ModuleRegistry TEST_MODULES = ModuleRegistry.discover(Slk.class.getClassLoader());

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private Slk() {
    }

    static ModuleRegistry testModules() {
        return TEST_MODULES;
    }

    static Result run(Path workingDirectory, String... args) {
        return run(workingDirectory, Map.of(), () -> TEST_MODULES, args);
    }

    static Result run(Path workingDirectory, Map<String, String> env, Supplier<ModuleRegistry> registry, String... args) {
        return run(workingDirectory, Clock.systemUTC(), env, registry, args);
    }

    /** Runs slk on a clock the test controls (waiver expiry). */
    static Result run(Path workingDirectory, Clock clock, String... args) {
        return run(workingDirectory, clock, Map.of(), () -> TEST_MODULES, args);
    }

    private static Result run(Path workingDirectory, Clock clock, Map<String, String> env,
            Supplier<ModuleRegistry> registry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), workingDirectory,
                env, registry, clock);
        int code = SlkCommandLine.create(context).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
