package dev.slk.cli;

import dev.slk.core.config.ConfigSelector;
import dev.slk.core.config.ConfigSource;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a command chooses the project configuration; shared by every command that reads one. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file. Default: ./config.yaml, or the bundled example when there is none.")
    private String configFile;

    @Option(names = {"-c", "--context"}, paramLabel = "KEY=VALUE",
            description = "CDK-style context; -c configFile=FILE chooses the configuration file.")
    private Map<String, String> context = new LinkedHashMap<>();

    @Option(names = "--env", paramLabel = "ENV", description = "Read config.ENV.yaml, e.g. --env prod.")
    private String environment;

    /**
     * Resolves the options, telling the user on stderr when the bundled example is used.
     *
     * @param cli the context
     * @return the source
     */
    ConfigSource select(CliContext cli) {
        ConfigSource source;
        try {
            source = ConfigSelector.select(cli.workingDirectory(), configFile, context, environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (source instanceof ConfigSource.BundledExample) {
            cli.err().println("slk: no config.yaml in " + cli.workingDirectory()
                    + "; using the bundled example config (choose a file with --config FILE or --env ENV)");
        }
        return source;
    }
}
