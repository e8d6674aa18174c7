package dev.slk.cli;

import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.deploy.ApprovalLevel;
import dev.slk.deploy.Approver;
import dev.slk.deploy.DeployException;
import dev.slk.deploy.DeployOutcome;
import dev.slk.deploy.DeployRequest;
import dev.slk.deploy.Deployer;
import dev.slk.deploy.cdk.CdkCli;
import dev.slk.deploy.cdk.CdkCliLocator;
import dev.slk.deploy.cdk.CdkCliUnavailableException;
import dev.slk.deploy.cdk.CdkRunner;
import dev.slk.deploy.gates.GateResult;
import dev.slk.deploy.gates.Gates;
import dev.slk.stack.NodeRuntime;
import dev.slk.stack.Synthesizer;
import dev.slk.stack.assets.LambdaArtifacts;
import java.io.Console;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk deploy}: gates, synthesis, diff, approval, then the real CDK CLI; a record of each deployment. */
@Command(name = "deploy",
        mixinStandardHelpOptions = true,
        description = {
            "Deploy the Security Lake integration stack with the AWS CDK CLI, after every gate passed.",
            "",
            "In order: validate-config (--strict in prod), synthesis into cdk.out, security-scan; a failing gate "
                    + "stops with exit 1 and nothing is deployed. Then cdk diff shows what will change; approval is "
                    + "asked per --require-approval (prod: broadening by default; without a terminal it refuses "
                    + "unless --yes). Then cdk deploy --app cdk.out runs, its progress streamed. Each deployment is "
                    + "recorded under .slk/deployments/ENV/, with the assembly of the last --keep successful ones. "
                    + "One deployment of an environment runs at a time.",
            "",
            "Runs the AWS CDK CLI that install.sh installed (or SLK_CDK_CLI); needs AWS credentials for the target "
                    + "account and a bootstrapped environment."
        },
        footer = {"", "Exit codes: 0 deployed, up to date, or dry run done; 1 a gate failed, approval refused or the "
                + "stack failed; 2 usage error, unreadable input, no CDK CLI, no credentials, not bootstrapped, or "
                + "another deployment running; 3 internal error."})
final class DeployCommand implements Callable<Integer> {
    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--dry-run", description = "Run the gates and the diff, then stop.")
    private boolean dryRun;

    @Option(names = "--yes", description = "Approve the changes without asking.")
    private boolean yes;

    @Option(names = "--require-approval", paramLabel = "LEVEL", converter = ApprovalConverter.class,
            description = "never, any-change or broadening (default: broadening in prod, never elsewhere).")
    private ApprovalLevel approval;

    @Option(names = "--skip-gate", paramLabel = "NAME", description = "Skip a gate (not in prod); needs --reason.")
    private List<String> skipGates = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the gates named by --skip-gate are skipped; recorded.")
    private String reason;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "5",
            description = "Keep the assemblies of the last N successful deployments (default: ${DEFAULT-VALUE}).")
    private int keep;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Stop a CDK CLI run after this many seconds (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    private boolean quiet;

    DeployCommand(CliContext cli) {
        this.cli = cli;
    }

    /** Parses the approval level as users type it. */
    static final class ApprovalConverter implements picocli.CommandLine.ITypeConverter<ApprovalLevel> {
        @Override
        public ApprovalLevel convert(String value) {
            try {
                return ApprovalLevel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException {
        if (!skipGates.isEmpty() && (reason == null || reason.isBlank())) {
            throw new UsageException("--skip-gate needs --reason TEXT (it is recorded)");
        }
        if (keep < 1) {
            throw new UsageException("--keep must be at least 1");
        }
        DeployTarget target = DeployTarget.read(cli, configOptions);
        Progress progress = new Progress(cli.err(), quiet);
        Map<String, String> skips = new LinkedHashMap<>();
        skipGates.forEach(g -> skips.put(g, reason));
        try {
            Deployer deployer = deployer(cli, progress, timeoutSeconds);
            DeployRequest request = target.request(dryRun, yes, approval, skips, keep);
            return render(cli, deployer.deploy(request, terminalApprover()));
        } catch (CdkCliUnavailableException | NodeRuntime.NodeUnavailableException e) {
            cli.error(e.getMessage());
            return ExitCodes.USAGE;
        } catch (DeployException e) {
            cli.error(e.getMessage());
            return e.exitCode();
        }
    }

    /**
     * @return the deployer with the installed CDK CLI, slk's synthesizer and the standard gates
     * @throws CdkCliUnavailableException when the CLI is missing or of the wrong version
     */
    static Deployer deployer(CliContext cli, Progress progress, int timeoutSeconds) {
        CdkCli cdk = CdkCliLocator.locate(cli.environment());
        Synthesizer synthesizer = new Synthesizer(Modules.usable(cli), LambdaArtifacts.locate(),
                NodeRuntime.command(cli.environment()), progress::stage);
        return new Deployer(synthesizer, new CdkRunner(cdk, cli.environment(), cli.paths().root(),
                Duration.ofSeconds(timeoutSeconds)), Gates.standard(), progress::stage);
    }

    static int render(CliContext cli, DeployOutcome outcome) {
        for (GateResult gate : outcome.gates()) {
            cli.out().printf(Locale.ROOT, "gate %-16s %-8s %s%n", gate.gate(), Deployer.label(gate), gate.summary());
        }
        int code = result(cli, outcome);
        cli.out().println("timings  " + outcome.phasesMillis().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f s", e.getValue() / 1000.0))
                .reduce((a, b) -> a + ", " + b).orElse(""));
        return code;
    }

    private static int result(CliContext cli, DeployOutcome outcome) {
        if (outcome instanceof DeployOutcome.GateFailed failed) {
            cli.error("gate " + failed.gates().get(failed.gates().size() - 1).gate() + " failed; nothing was deployed");
            return ExitCodes.FINDINGS;
        }
        if (outcome instanceof DeployOutcome.DryRun dry) {
            cli.out().println("diff     " + dry.diff().line());
            cli.out().println("dry run: nothing was deployed");
            return ExitCodes.OK;
        }
        if (outcome instanceof DeployOutcome.UpToDate upToDate) {
            cli.out().println("up to date: " + upToDate.stack() + " already matches the assembly; nothing to deploy");
            return ExitCodes.OK;
        }
        if (outcome instanceof DeployOutcome.Refused refused) {
            cli.out().println("diff     " + refused.diff().line());
            cli.error(refused.reason());
            return ExitCodes.FINDINGS;
        }
        DeployOutcome.Ran ran = (DeployOutcome.Ran) outcome;
        cli.out().println("diff     " + ran.diff().line());
        String record = cli.paths().display(ran.recordFile());
        if (ran.failure() != null) {
            cli.error(ran.failure().message() + " (record " + record + ")");
            return ran.failure().exitCode();
        }
        cli.out().println("deployed " + ran.record().stack() + " (record " + record + ")");
        return ExitCodes.OK;
    }

    static Approver terminalApprover() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return question -> {
            String answer = console.readLine("%s [y/N] ", question);
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        };
    }
}
