package dev.slk.cli;

import dev.slk.core.BuildInfo;
import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.findings.Severity;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.report.CheckReport;
import dev.slk.core.text.Echo;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.iam.IamAnalysis;
import dev.slk.iam.IamAnalyzer;
import dev.slk.iam.IamOutcome;
import dev.slk.iam.IamRequest;
import dev.slk.iam.IamSources;
import dev.slk.iam.catalogue.IamData;
import dev.slk.iam.envelope.BaselineFile;
import dev.slk.iam.online.AccessAnalyzerCheck;
import dev.slk.iam.online.AwsSession;
import dev.slk.stack.NodeRuntime;
import dev.slk.stack.FreshAssembly;
import dev.slk.stack.Synthesizer;
import dev.slk.stack.assets.LambdaArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk iam-analyzer}: least privilege of every policy, offline, attributed to its module. */
@Command(name = "iam-analyzer",
        mixinStandardHelpOptions = true,
        description = {
            "Check every IAM policy of the cloud assembly (default: cdk.out, synthesized first when missing) or of "
                    + "CloudFormation templates (--template, JSON or YAML) for broader access than needed: malformed "
                    + "statements, unknown actions and condition keys, resources that cannot match, wildcards, "
                    + "privilege escalation, credentials exposure, data exfiltration, cross-module access, KMS, trust "
                    + "policies and cdk-nag suppressions. Offline, with AWS's action catalogue bundled (docs/IAM_ANALYZER.md).",
            "",
            "--baseline FILE --update-baseline records each module's access; --baseline FILE then fails on any access "
                    + "beyond it."
        },
        footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage error or unusable input, "
                + "3 internal error."})
final class IamAnalyzerCommand implements Callable<Integer> {
    private final CliContext cli;

    @ArgGroup(exclusive = true)
    private Target target = new Target();

    static final class Target {
        @Option(names = "--module", paramLabel = "ID", description = "Report the findings and access of this module only.")
        String module;

        @Option(names = "--all", description = "Report every module, the core and the CDK's own resources (the default).")
        boolean all;
    }

    @Option(names = "--template", paramLabel = "FILE", arity = "1..*",
            description = "Analyse these CloudFormation templates (JSON or YAML) instead of the cloud assembly.")
    private List<Path> templates = new ArrayList<>();

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private ReportOptions reportOptions;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Each module's accepted access; access beyond it is a finding.")
    private Path baseline;

    @Option(names = "--update-baseline", description = "Write the analysed modules' access to the --baseline FILE and exit 0.")
    private boolean updateBaseline;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "medium",
            completionCandidates = SecurityScanCommand.Levels.class,
            description = "Lowest severity that fails: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Severity failOn;

    @Option(names = "--iam-data", paramLabel = "DIR",
            description = "Use the IAM catalogue in DIR (framework/iam/scripts/refresh-iam-data.sh --out DIR) instead of the bundled one.")
    private Path iamData;

    @Option(names = "--no-synth", description = "Analyse cdk.out as it is, without checking that it is up to date.")
    private boolean noSynth;

    @Option(names = "--online", description = "Also send each policy to IAM Access Analyzer ValidatePolicy and, with "
            + "--baseline, CheckNoNewAccess (needs AWS credentials and a region).")
    private boolean online;

    @Option(names = "--strict", description = "Fail on an orphaned waiver (one in slk-waivers.yaml that matches no finding).")
    private boolean strict;

    IamAnalyzerCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        if (updateBaseline && baseline == null) {
            throw new UsageException("--update-baseline needs --baseline FILE");
        }
        if (target.module != null && !ModuleRegistry.MODULE_ID.matcher(target.module).matches()) {
            throw new UsageException("--module " + Echo.quoted(target.module) + " is not a module id (e.g. okta-logs)");
        }
        BaselineFile baselineFile = baseline == null ? null
                : new BaselineFile(resolve(baseline), baseline.toString(), updateBaseline);
        if (updateBaseline) {
            baselineFile.checkWritable();
        } else {
            reportOptions.checkTarget(cli, IamOutcome.OUTPUT);
        }
        if (online && updateBaseline) {
            throw new UsageException("--online checks policies; --update-baseline only records them: use one");
        }
        AwsSession session = online ? AwsSession.from(cli.environment()) : null;
        WaiverLedger ledger = cli.waivers();
        IamData data = IamData.of(iamData == null ? null : resolve(iamData), String.valueOf(iamData));
        IamSources sources = sources();
        sources.requireModule(target.module);
        IamRequest request = new IamRequest(sources.stacks(), target.module, data.catalogue(), data.managed(),
                sources.displayFile(), baselineFile == null ? null : baselineFile.accepted(),
                baseline == null ? null : baseline.toString());
        IamAnalysis analysis = new IamAnalyzer().analyze(request);
        if (session != null) {
            try (AccessAnalyzerCheck check = AccessAnalyzerCheck.connect(session)) {
                analysis = check.check(request, analysis);
            }
        }
        if (updateBaseline) {
            baselineFile.record(analysis.envelopes());
            cli.note("baseline " + baseline + " records the access of " + analysis.envelopes().size() + " module(s): "
                    + String.join(", ", analysis.envelopes().keySet()));
            return ExitCodes.OK;
        }
        CheckReport report = new IamOutcome(analysis, failOn, sources.description(), data.catalogue().describe(),
                data.loadMillis(), baseline == null ? null : baseline.toString(), ledger,
                IamOutcome.scope(target.module == null && templates.isEmpty(), strict)).toReport(BuildInfo.slkVersion());
        reportOptions.emit(cli, report, IamOutcome.OUTPUT);
        return report.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private IamSources sources() throws Exception {
        if (!templates.isEmpty()) {
            List<String> displays = templates.stream().map(Path::toString).toList();
            return IamSources.templates(templates.stream().map(this::resolve).toList(), displays);
        }
        Path assembly = cli.paths().assembly();
        if (!noSynth || !Files.isRegularFile(assembly.resolve("manifest.json"))) {
            synthesize(assembly);
        }
        return IamSources.assembly(assembly, cli.paths().display(assembly));
    }

    /** Brings the assembly up to date as {@code slk synth} would, quietly but for one line when it synthesizes. */
    private void synthesize(Path assembly) throws Exception {
        ConfigSource source = configOptions.select(cli);
        String selected = source.selectedEnvironment();
        Synthesizer synthesizer = new Synthesizer(Modules.usable(cli), LambdaArtifacts.locate(),
                NodeRuntime.command(cli.environment()), stage -> { });
        boolean synthesized;
        try {
            synthesized = FreshAssembly.require(synthesizer, ConfigReader.read(source), selected, assembly,
                    cli.paths().display(assembly));
        } catch (NodeRuntime.NodeUnavailableException e) {
            throw new UsageException(e.getMessage());
        }
        if (synthesized) {
            cli.note(cli.paths().display(assembly) + " was missing or older than its inputs; synthesized it first");
        }
    }

    private Path resolve(Path p) {
        return cli.paths().resolve(p);
    }
}
