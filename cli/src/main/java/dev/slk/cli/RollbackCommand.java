package dev.slk.cli;

import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.deploy.ApprovalLevel;
import dev.slk.deploy.DeployException;
import dev.slk.deploy.DeployRequest;
import dev.slk.deploy.cdk.CdkCliUnavailableException;
import dev.slk.stack.NodeRuntime;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk rollback}: redeploys the kept assembly of the previous successful deployment. */
@Command(name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Redeploy the assembly of the previous successful deployment of the environment (or of --to RECORD), "
                    + "kept under .slk/deployments/ENV/assemblies/, through the same diff and approval rules as "
                    + "deploy. The CDK CLI has no previous version of its own; slk keeps one per deployment.",
            "",
            "The gates are not run again: they passed when that assembly was deployed (its record says so). "
                    + "The rollback writes a record of its own."
        },
        footer = {"", "Exit codes: 0 rolled back or already there; 1 no earlier deployment, approval refused or the "
                + "stack failed; 2 usage error, no CDK CLI, no credentials, or another deployment running; "
                + "3 internal error."})
final class RollbackCommand implements Callable<Integer> {
    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--to", paramLabel = "RECORD", description = "The record id to return to (default: the one before "
            + "the last successful deployment).")
    private String to;

    @Option(names = "--yes", description = "Approve the changes without asking.")
    private boolean yes;

    @Option(names = "--require-approval", paramLabel = "LEVEL", converter = DeployCommand.ApprovalConverter.class,
            description = "never, any-change or broadening (default: broadening in prod, never elsewhere).")
    private ApprovalLevel approval;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "5",
            description = "Keep the assemblies of the last N successful deployments (default: ${DEFAULT-VALUE}).")
    private int keep;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Stop a CDK CLI run after this many seconds (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    private boolean quiet;

    RollbackCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException {
        DeployTarget target = DeployTarget.read(cli, configOptions);
        Progress progress = new Progress(cli.err(), quiet);
        try {
            DeployRequest request = target.request(false, yes, approval, Map.of(), Math.max(1, keep));
            return DeployCommand.render(cli, DeployCommand.deployer(cli, progress, timeoutSeconds)
                    .rollback(request, to, DeployCommand.terminalApprover()));
        } catch (CdkCliUnavailableException | NodeRuntime.NodeUnavailableException e) {
            cli.error(e.getMessage());
            return ExitCodes.USAGE;
        } catch (DeployException e) {
            cli.error(e.getMessage());
            return e.exitCode();
        }
    }
}
