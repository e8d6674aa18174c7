package dev.slk.cli;

import dev.slk.core.BuildInfo;
import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.io.OutputException;
import dev.slk.core.report.ReportOutput;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.deploy.DeployException;
import dev.slk.deploy.verify.Verification;
import dev.slk.deploy.verify.VerificationReport;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk verify}: read-only post-deployment checks through the AWS SDK. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check, read-only, that the environment's last deployment is what was deployed: the stack's status; every "
                    + "function exists with the runtime, architecture, memory and timeout synthesized; the config's "
                    + "secrets exist (described, never read); queue and dead-letter queue depths; errors in the "
                    + "functions' log groups in the last --minutes; new objects under the Security Lake bucket's "
                    + "ext/ prefix in the last hour. Each check is PASS, WARN or FAIL with its figure; in json, sarif "
                    + "and junit a FAIL is a finding at high and a WARN one at low. See docs/DEPLOY.md."
        },
        footer = {"", "Exit codes: 0 no check failed (warnings allowed), 1 a check failed or nothing was deployed, "
                + "2 usage error or unreadable input, 3 internal error."})
final class VerifyCommand implements Callable<Integer> {
    static final ReportOutput OUTPUT = new ReportOutput(VerificationReport.COMMAND, VerificationReport.summaryLine());

    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private ReportOptions reportOptions;

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "60",
            description = "Look this far back for errors in the logs (default: ${DEFAULT-VALUE}).")
    private int minutes;

    VerifyCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException, OutputException {
        if (minutes < 1) {
            throw new UsageException("--minutes must be at least 1");
        }
        ConfigSource source = configOptions.select(cli);
        reportOptions.checkTarget(cli, OUTPUT);
        YamlDocument document = ConfigReader.read(source);
        String selected = source.selectedEnvironment();
        Verification.Verified verified;
        try {
            verified = Verification.run(document, selected, Modules.usable(cli), cli.paths(), cli.environment(), minutes);
        } catch (DeployException e) {
            cli.error(e.getMessage());
            return e.exitCode();
        }
        String version = BuildInfo.slkVersion();
        reportOptions.emit(cli, VerificationReport.of(verified, version),
                VerificationReport.render(verified, reportOptions.format, reportOptions.colour(cli), version), OUTPUT);
        return verified.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
