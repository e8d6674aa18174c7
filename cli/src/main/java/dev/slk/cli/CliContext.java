package dev.slk.cli;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.waivers.WaiverLedgerException;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.scan.SecretScanner;
import java.io.PrintWriter;
import java.time.Clock;
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
 * @param clock the time, for waiver expiry (tests fix it)
 */
public record CliContext(
        PrintWriter out,
        PrintWriter err,
        Path workingDirectory,
        Map<String, String> environment,
        Supplier<ModuleRegistry> registry,
        Clock clock) {

    /** A context on the system clock. */
    public CliContext(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> environment,
            Supplier<ModuleRegistry> registry) {
        this(out, err, workingDirectory, environment, registry, Clock.systemUTC());
    }

    /**
     * @return the workspace's waiver ledger, checked for secrets with the scan's rules
     * @throws UnreadableInputException when it cannot be read or is not YAML
     * @throws WaiverLedgerException when it breaks its schema or rules
     */
    public WaiverLedger waivers() throws UnreadableInputException, WaiverLedgerException {
        return WaiverLedger.read(paths(), SecretScanner.secretCheck(), clock);
    }

    /** @return true when the user asked for no colour (https://no-color.org) */
    public boolean noColor() {
        String value = environment.get("NO_COLOR");
        return value != null && !value.isEmpty();
    }

    /**
     * @return where this command finds the workspace's files and resolves the user's paths
     * @throws dev.slk.core.workspace.WorkspaceException when {@code SLK_WORKSPACE} names no workspace
     */
    public WorkspacePaths paths() {
        return WorkspacePaths.of(workingDirectory, environment);
    }

    /** @param message printed on stderr as an error (see {@link Diagnostic}) */
    public void error(String message) {
        Diagnostic.ERROR.print(err, message);
    }

    /** @param message printed on stderr as a note (see {@link Diagnostic}) */
    public void note(String message) {
        Diagnostic.NOTE.print(err, message);
    }
}
