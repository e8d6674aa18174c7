package dev.slk.cli;

import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.waivers.WaiverLedgerException;
import dev.slk.core.waivers.WaiverListing;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.scan.ScanRequest;
import dev.slk.scan.SecurityScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
                    + "runs validate-config on the selected configuration and security-scan on the whole workspace.",
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
        List<Finding> findings = new ArrayList<>();
        if (!ledger.waivers().isEmpty()) {
            ConfigSource source = configOptions.select(cli);
            YamlDocument document = ConfigReader.read(source);
            String selected = source instanceof ConfigSource.File file ? file.selectedEnvironment() : null;
            findings.addAll(new ConfigValidator(Modules.usable(cli)).validate(document, selected).findings());
            try {
                ScanRequest request = SecurityScanCommand.wholeWorkspace(cli.paths(), ScanRequest.DEFAULT_MAX_FILE_BYTES);
                findings.addAll(new SecurityScan().run(request).findings());
            } catch (IOException e) {
                throw new UnreadableInputException(SourceLocation.ofFile(cli.paths().display(cli.paths().root())),
                        e.getMessage());
            }
        }
        WaiverListing listing = new WaiverListing(ledger,
                ledger.judge(findings, new WaiverLedger.Scope(w -> false, false, false)).matches());
        cli.out().print(format == OutputFormat.json ? listing.json() : listing.text());
        return ExitCodes.OK;
    }
}
