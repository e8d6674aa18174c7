package dev.slk.cli;

import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.deploy.DeployException;
import dev.slk.deploy.DeployRequest;
import dev.slk.deploy.DiffSummary;
import dev.slk.deploy.cdk.CdkCliUnavailableException;
import dev.slk.stack.NodeRuntime;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk diff}: what a deploy would change, from {@code cdk diff} on slk's assembly. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Show what deploying the environment would change: synthesizes cdk.out (or reuses it when up to date), "
                    + "runs cdk diff on it, and ends with the summary line deploy uses (added, changed, replaced, "
                    + "removed; IAM or security-group broadening). Changes nothing in AWS."
        },
        footer = {"", "Exit codes: 0 diff shown (--fail: no changes), 1 invalid config or, with --fail, changes; "
                + "2 usage error, no CDK CLI, no credentials or not bootstrapped; 3 internal error."})
final class DiffCommand implements Callable<Integer> {
    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--fail", description = "Exit 1 when anything would change.")
    private boolean fail;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    private boolean quiet;

    DiffCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException {
        DeployTarget target = DeployTarget.read(cli, configOptions);
        Progress progress = new Progress(cli.err(), quiet);
        try {
            DeployRequest request = target.request(true, false, null, Map.of(), 1);
            DiffSummary diff = DeployCommand.deployer(cli, progress, 600).diff(request, cli.out()::println);
            cli.out().println("diff     " + diff.line());
            return fail && diff.anyChange() ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (CdkCliUnavailableException | NodeRuntime.NodeUnavailableException e) {
            cli.error(e.getMessage());
            return ExitCodes.USAGE;
        } catch (DeployException e) {
            cli.error(e.getMessage());
            return e.exitCode();
        }
    }
}
