package dev.slk.cli;

import dev.slk.core.registry.RegisteredModule;
import dev.slk.scaffold.ModuleScaffolder;
import dev.slk.scaffold.NewModuleRequest;
import dev.slk.scaffold.ScaffoldException;
import dev.slk.scaffold.ScaffoldPlan;
import dev.slk.scaffold.ScaffoldWriter;
import dev.slk.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slk new-module}: scaffolds a complete, registered integration module in the workspace. */
@Command(name = "new-module",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a new integration module in the slk workspace: the module class, its config schema and "
                    + "example, README, CHANGELOG, tests, and an event processor Lambda (Java 21, ARM64) with its own "
                    + "tests. The module is added to the Maven build, and slk finds it after the next build.",
            "",
            "Nothing is written when a check fails; an existing file is only replaced with --force."
        },
        footer = {"", "Exit codes: 0 generated (or listed, with --dry-run), 2 refused (invalid or reserved id, existing "
                + "module, unsafe path, broken template) or usage error, 3 internal error."})
final class NewModuleCommand implements Callable<Integer> {
    private final CliContext cli;

    @Parameters(index = "0", paramLabel = "MODULE-ID",
            description = "Lower-case words separated by hyphens, e.g. okta-logs.")
    private String id;

    @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: from the id, e.g. 'Okta Logs').")
    private String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "One sentence on what the module integrates.")
    private String description;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Directory, relative to the workspace root, whose pom.xml lists the modules "
                    + "(default: modules.dir of slk-workspace.properties, normally 'modules').")
    private Path dir;

    @Option(names = "--runtime", paramLabel = "RUNTIME", defaultValue = "java21",
            description = "Template tree of the module's Lambda runtime (default: ${DEFAULT-VALUE}).")
    private String runtime;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A template directory laid over the built-in one (same layout: module/<runtime>/...).")
    private Path templates;

    @Option(names = "--copyright-holder", paramLabel = "NAME",
            description = "Holder named in the copyright header of every generated file "
                    + "(default: copyright.holder of slk-workspace.properties, else \"the module's authors\").")
    private String copyrightHolder;

    @Option(names = "--dry-run", description = "List every file that would be written, with its size; write nothing.")
    private boolean dryRun;

    @Option(names = "--force", description = "Overwrite the generated files of an existing module directory.")
    private boolean force;

    NewModuleCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws ScaffoldException {
        Optional<Workspace> workspace = Workspace.find(cli.workingDirectory(), cli.environment());
        if (workspace.isEmpty() && !dryRun) {
            throw new ScaffoldException("not inside an slk workspace: no " + Workspace.MARKER + " in "
                    + cli.workingDirectory() + " or above it; run new-module in your slk checkout, or set "
                    + Workspace.ENV);
        }
        NewModuleRequest request = new NewModuleRequest(id, name, description, dir == null ? null : dir.toString(),
                runtime, templates == null ? null : cli.paths().resolve(templates), copyrightHolder, force);
        ScaffoldPlan plan = ModuleScaffolder.plan(workspace, request, Clock.systemUTC(), registeredModules());
        if (dryRun) {
            cli.out().print(ScaffoldReport.dryRun(plan));
            if (workspace.isEmpty()) {
                cli.note("not inside an slk workspace (no " + Workspace.MARKER
                        + " here or above); paths are relative to the workspace a real run would need");
            }
            return ExitCodes.OK;
        }
        ScaffoldWriter.write(plan);
        cli.out().print(ScaffoldReport.created(plan));
        return ExitCodes.OK;
    }

    /** Ids already taken, by installed modules and modules built in the workspace; broken modules take none. */
    private Map<String, String> registeredModules() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (RegisteredModule module : cli.registry().get().modules()) {
            ids.put(module.id(), module.source());
        }
        return ids;
    }
}
