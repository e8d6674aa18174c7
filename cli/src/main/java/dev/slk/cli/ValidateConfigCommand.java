package dev.slk.cli;

import dev.slk.core.BuildInfo;
import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.io.OutputException;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.waivers.WaiverLedgerException;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk validate-config}: checks a configuration against every schema and rule. */
@Command(name = "validate-config",
        mixinStandardHelpOptions = true,
        description = {
            "Validate a Security Lake project configuration and report every problem with its file:line:column.",
            "",
            "Checks, in one run: the project schema; for every enabled integration, the module's "
                    + "config.schema.json; the semantic rules (environment, names, region, Security Lake sources, "
                    + "Lambda limits, queue visibility, schedules, placeholders); and each module's own validateConfig."
        },
        footer = {"", "Exit codes: 0 valid (warnings allowed), 1 invalid, 2 unreadable input, broken module "
                + "or usage error, 3 internal error."})
final class ValidateConfigCommand implements Callable<Integer> {
    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private ReportOptions reportOptions;

    @Option(names = "--strict", description = "Treat warnings as errors, orphaned waivers included.")
    private boolean strict;

    ValidateConfigCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, OutputException, WaiverLedgerException {
        ConfigSource source = configOptions.select(cli);
        reportOptions.checkTarget(cli, ValidationReport.OUTPUT);
        WaiverLedger ledger = cli.waivers();
        ModuleRegistry registry = Modules.usable(cli);
        YamlDocument document = ConfigReader.read(source);
        String selected = source.selectedEnvironment();
        ValidationReport report = new ConfigValidator(registry).validate(document, selected);
        if (strict) {
            report = report.strict();
        }
        ValidationReport.Judged judged = report.judge(ledger,
                WaiverLedger.Scope.unclaimed(document.file(), strict));
        reportOptions.emit(cli, judged.toReport(strict, BuildInfo.slkVersion()), ValidationReport.OUTPUT);
        return judged.report().valid() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
