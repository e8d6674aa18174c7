package dev.slk.cli;

import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.deploy.DeployException;
import dev.slk.deploy.DeployRequest;
import dev.slk.deploy.DestroyConfirmation;
import dev.slk.deploy.Destroyer;
import dev.slk.deploy.cdk.CdkCliLocator;
import dev.slk.deploy.cdk.CdkCliUnavailableException;
import dev.slk.deploy.cdk.CdkRunner;
import java.io.Console;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk destroy}: deletes the stack slk deployed to the environment. */
@Command(name = "destroy",
        mixinStandardHelpOptions = true,
        description = {
            "Delete the stack of the environment's last successful deployment with the AWS CDK CLI, on that "
                    + "deployment's kept assembly. Only a stack slk's records under .slk/deployments/ENV/ show it "
                    + "deployed is deleted. The destroy writes a record of its own.",
            "",
            "In prod the stack's name must be typed (on the terminal, or with --confirm-stack NAME; --yes is not "
                    + "enough), and termination protection, which slk turns on there, must be lifted first: slk says how."
        },
        footer = {"", "Exit codes: 0 destroyed; 1 nothing slk deployed, not confirmed, or the CDK CLI failed; "
                + "2 usage error, no CDK CLI, no credentials, or another deployment running; 3 internal error."})
final class DestroyCommand implements Callable<Integer> {
    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--yes", description = "Approve without asking (dev and staging; prod needs the stack's name).")
    private boolean yes;

    @Option(names = "--confirm-stack", paramLabel = "NAME", description = "The stack's name, typed in advance.")
    private String confirmStack;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Stop the CDK CLI run after this many seconds (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    private boolean quiet;

    DestroyCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException {
        DeployTarget target = DeployTarget.read(cli, configOptions);
        Progress progress = new Progress(cli.err(), quiet);
        try {
            DeployRequest request = target.request(false, yes, null, Map.of(), 1);
            Destroyer destroyer = new Destroyer(new CdkRunner(CdkCliLocator.locate(cli.environment()), cli.environment(),
                    cli.paths().root(), Duration.ofSeconds(timeoutSeconds)), progress::stage);
            Destroyer.Destroyed done = destroyer.destroy(request, confirmStack, terminal());
            String record = cli.paths().display(done.recordFile());
            if (done.failure() != null) {
                cli.error(done.failure().message() + " (record " + record + ")");
                return done.failure().exitCode();
            }
            cli.out().println("destroyed " + done.record().stack() + " (record " + record + ")");
            return ExitCodes.OK;
        } catch (CdkCliUnavailableException e) {
            cli.error(e.getMessage());
            return ExitCodes.USAGE;
        } catch (DeployException e) {
            cli.error(e.getMessage());
            return e.exitCode();
        }
    }

    private static DestroyConfirmation.Terminal terminal() {
        Console console = System.console();
        return console == null ? null : prompt -> console.readLine("%s", prompt);
    }
}
