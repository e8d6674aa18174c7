package dev.slk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.config.Environments;
import dev.slk.core.workspace.WorkspacePaths;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slk list-environments}: the environments {@code --env} can select here. */
@Command(name = "list-environments",
        mixinStandardHelpOptions = true,
        description = {
            "List the environments of the workspace, one per line: each config.ENV.yaml at the workspace root "
                    + "(here, outside a workspace) that --env ENV reads. config.example.yaml is not one. "
                    + "The completion script asks this command what --env may be."
        },
        footer = {"", "Exit codes: 0 listed (also when there is none), 2 usage error or unusable workspace, "
                + "3 internal error."})
final class ListEnvironmentsCommand implements Callable<Integer> {
    private final CliContext cli;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    ListEnvironmentsCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        WorkspacePaths paths = cli.paths();
        List<String> environments = Environments.available(paths);
        if (format == OutputFormat.json) {
            cli.out().println(new ObjectMapper().writeValueAsString(environments));
        } else {
            environments.forEach(cli.out()::println);
        }
        if (environments.isEmpty()) {
            cli.note("no config.ENV.yaml in " + paths.root() + "; copy config.example.yaml to config.dev.yaml to start one");
        }
        return ExitCodes.OK;
    }
}
