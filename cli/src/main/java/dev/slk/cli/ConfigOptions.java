package dev.slk.cli;

import dev.slk.core.config.ConfigSelector;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.workspace.WorkspacePaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How a command chooses the project configuration; shared by every command that reads one. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file. Default: config.yaml at the workspace root (or here, outside a "
                    + "workspace), or the bundled example when there is none.")
    private Path configFile;

    @Option(names = {"-c", "--context"}, paramLabel = "KEY=VALUE",
            description = "CDK-style context; -c configFile=FILE chooses the configuration file.")
    private List<String> context = new ArrayList<>();

    @Option(names = "--env", paramLabel = "ENV", completionCandidates = EnvironmentCandidates.class,
            description = "Read config.ENV.yaml at the workspace root, e.g. --env prod.")
    private String environment;

    /**
     * Resolves the options, telling the user on stderr when the bundled example is used.
     *
     * @param cli the context
     * @return the source
     */
    ConfigSource select(CliContext cli) {
        WorkspacePaths paths = cli.paths();
        ConfigSource source;
        try {
            source = ConfigSelector.select(paths, configFile, context, environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (source instanceof ConfigSource.BundledExample) {
            cli.note("no config.yaml in " + paths.root()
                    + "; using the bundled example config (choose a file with --config FILE or --env ENV)");
        }
        return source;
    }
}
