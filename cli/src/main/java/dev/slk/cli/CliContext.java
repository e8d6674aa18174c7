package dev.slk.cli;

import dev.slk.core.registry.ModuleRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What commands need from the outside world, passed in so that tests run the same code as
 * {@code main} with their own streams, directory, environment and modules.
 *
 * @param out standard output
 * @param err standard error
 * @param workingDirectory where relative paths and config.yaml are resolved
 * @param environment environment variables
 * @param registry discovers the modules, once, when a command first needs them
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        Path workingDirectory,
        Map<String, String> environment,
        Supplier<ModuleRegistry> registry) {

    /** @return true when the user asked for no colour (https://no-color.org) */
    public boolean noColor() {
        String value = environment.get("NO_COLOR");
        return value != null && !value.isEmpty();
    }
}
