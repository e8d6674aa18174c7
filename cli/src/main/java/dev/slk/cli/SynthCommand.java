package dev.slk.cli;

import dev.slk.core.BuildInfo;
import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.report.ReportFormat;
import dev.slk.core.report.Reports;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.stack.NodeRuntime;
import dev.slk.stack.SynthResult;
import dev.slk.stack.SynthSummary;
import dev.slk.stack.Synthesizer;
import dev.slk.stack.assets.LambdaArtifacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk synth}: the project's CloudFormation cloud assembly, validated, cdk-nag checked. */
@Command(name = "synth",
        mixinStandardHelpOptions = true,
        description = {
            "Synthesize the Security Lake integration stack into a CDK cloud assembly (default: cdk.out at the "
                    + "workspace root).",
            "",
            "Validates the configuration first, exactly as validate-config does; builds the core stack "
                    + "(shared KMS key, queues, core Lambda functions, Security Lake custom sources, monitoring) "
                    + "and every enabled module in config order; runs cdk-nag AwsSolutionsChecks; and writes "
                    + "the assembly only when all of that succeeded, replacing the old one in one step.",
            "",
            "An assembly whose recorded inputs (config, module jars, Lambda packages, slk's version) are "
                    + "today's is up to date: synth says so and writes nothing. Unchanged assets are reused.",
            "",
            "Needs Node.js 18 or newer on PATH: aws-cdk-lib runs on it."
        },
        footer = {"", "Exit codes: 0 synthesized, 1 invalid config, failing module or cdk-nag errors (nothing "
                + "written), 2 unreadable input, an output directory that cannot be written, missing Node.js or "
                + "usage error, 3 internal error."})
final class SynthCommand implements Callable<Integer> {
    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where the cloud assembly goes (default: cdk.out at the workspace root, or here outside "
                    + "a workspace).")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Summary format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = "--strict", description = "Fail on warnings too: the config's and cdk-nag's.")
    private boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    private boolean quiet;

    @Option(names = "--force", description = "Synthesize even when the assembly is up to date (its recorded inputs "
            + "are today's).")
    private boolean force;

    SynthCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException {
        ConfigSource source = configOptions.select(cli);
        Progress progress = new Progress(cli.err(), quiet);
        YamlDocument document = ConfigReader.read(source);
        String selected = source.selectedEnvironment();
        Synthesizer synthesizer = new Synthesizer(Modules.usable(cli), LambdaArtifacts.locate(),
                NodeRuntime.command(cli.environment()), progress::stage);
        SynthResult result;
        try {
            Path assembly = out == null ? cli.paths().assembly() : cli.paths().resolve(out);
            result = synthesizer.synthesize(document, selected, assembly, strict, force);
        } catch (NodeRuntime.NodeUnavailableException e) {
            cli.error(e.getMessage());
            return ExitCodes.USAGE;
        }
        if (result instanceof SynthResult.UpToDate upToDate) {
            cli.out().print(format == OutputFormat.json ? SynthRenderer.upToDateJson(upToDate) + "\n"
                    : SynthRenderer.upToDateText(upToDate, cli.noColor()));
            return ExitCodes.OK;
        }
        if (result instanceof SynthResult.Invalid invalid) {
            // The configuration's findings, in the report layer's text or JSON, as validate-config prints them.
            ReportFormat as = format == OutputFormat.json ? ReportFormat.json : ReportFormat.text;
            cli.out().print(Reports.render(invalid.report().toReport(strict, BuildInfo.slkVersion()), as,
                    !cli.noColor() && Ansi.AUTO.enabled()).text());
            cli.error("the configuration is invalid; nothing was synthesized");
            return ExitCodes.FINDINGS;
        }
        if (result instanceof SynthResult.Failed failed) {
            if (format == OutputFormat.json) {
                cli.out().println(SynthRenderer.failedJson(failed.reason()));
            }
            cli.error(failed.reason() + "; nothing was written");
            return ExitCodes.FINDINGS;
        }
        SynthSummary summary = ((SynthResult.Synthesized) result).summary();
        cli.out().print(format == OutputFormat.json ? SynthRenderer.json(summary, strict) + "\n"
                : SynthRenderer.text(summary, strict, cli.noColor()));
        if (!summary.written()) {
            cli.error("cdk-nag found " + (strict ? "errors or warnings" : "errors")
                    + "; nothing was written");
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }
}
