package dev.slk.cli;

import dev.slk.checklist.Checklist;
import dev.slk.checklist.ChecklistReport;
import dev.slk.checklist.ChecklistRequest;
import dev.slk.checklist.ModuleChecklist;
import dev.slk.checklist.infra.Infrastructure;
import dev.slk.checklist.infra.SynthesizedInfrastructure;
import dev.slk.core.BuildInfo;
import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.io.OutputException;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.report.ReportOutput;
import dev.slk.core.text.Echo;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.waivers.WaiverLedgerException;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.stack.NodeRuntime;
import dev.slk.stack.Synthesizer;
import dev.slk.stack.assets.LambdaArtifacts;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk checklist}: the packaging guide's module checklist, each item measured. */
@Command(name = "checklist",
        mixinStandardHelpOptions = true,
        description = {
            "Answer the packaging guide's checklist for a module, each item measured with its evidence: module "
                    + "interface, IAM least privilege, error handling, Powertools, coverage, README against the schema, no "
                    + "emotes, copyright headers, registration, packaging files and versions, security-scan and synth "
                    + "with cdk-nag clean. See docs/CHECKLIST.md."
        },
        footer = {"", "Exit codes: 0 no item fails, 1 an item fails, 2 unknown module, usage error or unreadable "
                + "input, 3 internal error."})
final class ChecklistCommand implements Callable<Integer> {
    static final ReportOutput OUTPUT = new ReportOutput(ChecklistReport.COMMAND, ChecklistReport.summaryLine());

    private final CliContext cli;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--module", paramLabel = "ID", description = "Check the module in modules/ID.")
        String module;

        @Option(names = "--all", description = "Check every module of the workspace.")
        boolean all;
    }

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private ReportOptions reportOptions;

    @Option(names = "--no-run", description = "Do not run the module's tests: read the existing coverage report "
            + "(a report older than the sources is a warning).")
    private boolean noRun;

    @Option(names = "--no-synth", description = "Read cdk.out as it is for the IAM, security-scan and synth items, "
            + "without bringing it up to date.")
    private boolean noSynth;

    @Option(names = "--fix", description = "Add the missing copyright headers (atomically, only to files unchanged "
            + "since they were read).")
    private boolean fix;

    ChecklistCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException, OutputException, WaiverLedgerException {
        WorkspacePaths paths = cli.paths();
        List<String> ids = target.all ? Checklist.moduleIds(paths.modulesDirectory()) : List.of(known(paths));
        reportOptions.checkTarget(cli, OUTPUT);
        WaiverLedger ledger = cli.waivers();
        ConfigSource source = configOptions.select(cli);
        YamlDocument base = ConfigReader.read(source);
        ModuleRegistry registry = cli.registry().get();
        Infrastructure infrastructure = noSynth ? Infrastructure.existing(paths.assembly(), paths.display(paths.assembly()))
                : new SynthesizedInfrastructure(new Synthesizer(Modules.usable(cli), LambdaArtifacts.locate(),
                        NodeRuntime.command(cli.environment()), stage -> { }), base,
                        source.selectedEnvironment(), paths);
        ChecklistRequest request = new ChecklistRequest(paths, registry, ids, base, fix, !noRun, cli.clock(),
                infrastructure);
        List<ModuleChecklist> results = Checklist.judgedBy(ledger).run(request);
        reportOptions.emit(cli, ChecklistReport.of(results, BuildInfo.slkVersion()),
                ChecklistReport.render(results, reportOptions.format, reportOptions.colour(cli), BuildInfo.slkVersion()),
                OUTPUT);
        return results.stream().allMatch(ModuleChecklist::passed) ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private String known(WorkspacePaths paths) {
        if (!ModuleRegistry.MODULE_ID.matcher(target.module).matches()) {
            throw new UsageException("--module " + Echo.quoted(target.module) + " is not a module id (e.g. okta-logs)");
        }
        Optional<String> unknown = Checklist.unknownModule(paths, target.module);
        if (unknown.isPresent()) {
            throw new UsageException(unknown.get());
        }
        return target.module;
    }
}
