package dev.slk.cli;

import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.waivers.WaiverAudit;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.waivers.WaiverLedgerException;
import dev.slk.core.waivers.WaiverListing;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk waivers}: the waiver ledger with each entry's state. */
@Command(name = "waivers",
        mixinStandardHelpOptions = true,
        description = {
            "List the waivers of slk-waivers.yaml (at the workspace root) with each one's state: active, expiring "
                    + "(within 30 days), expired, or orphaned (it matches no finding). To know what each matches, it "
                    + "runs every checking command over everything it checks: validate-config on the selected "
                    + "configuration, security-scan on the whole workspace, the iam-analyzer on cdk.out as it is, and "
                    + "the checklist of every module without running its build.",
            "",
            "See docs/WAIVERS.md for the ledger's format and rules."
        },
        footer = {"", "Exit codes: 0 listed, 2 usage error, unreadable input or an invalid ledger, 3 internal error."})
final class WaiversCommand implements Callable<Integer> {
    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    WaiversCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, WaiverLedgerException {
        WaiverLedger ledger = cli.waivers();
        WaiverListing listing;
        if (ledger.waivers().isEmpty()) {
            listing = new WaiverListing(ledger, java.util.Map.of());
        } else {
            ConfigSource source = configOptions.select(cli);
            YamlDocument document = ConfigReader.read(source);
            String selected = source.selectedEnvironment();
            try {
                listing = WaiverAudit.list(ledger, new WaiverAudit.Input(cli.paths(), Modules.usable(cli), document,
                        selected));
            } catch (IOException e) {
                throw new UnreadableInputException(SourceLocation.ofFile(cli.paths().display(cli.paths().root())),
                        e.getMessage());
            }
        }
        cli.out().print(format == OutputFormat.json ? listing.json() : listing.text());
        return ExitCodes.OK;
    }
}
