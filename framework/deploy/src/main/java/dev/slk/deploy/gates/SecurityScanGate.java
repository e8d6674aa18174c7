package dev.slk.deploy.gates;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.scan.Baseline;
import dev.slk.scan.ScanOutcome;
import dev.slk.scan.ScanReport;
import dev.slk.scan.ScanRequest;
import dev.slk.scan.SecurityScan;
import dev.slk.core.waivers.WaiverLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * security-scan as {@code slk security-scan} runs by default: the whole workspace for secrets, every
 * module's dependencies, and the assembly about to be deployed for insecure infrastructure, failing
 * at medium. Inline {@code slk-scan:ignore} comments and the waiver ledger apply as in the command.
 */
public final class SecurityScanGate implements Gate {
    @Override
    public String name() {
        return "security-scan";
    }

    @Override
    public boolean readsAssembly() {
        return true;
    }

    @Override
    public GateResult run(GateContext context) throws IOException {
        long start = System.nanoTime();
        Path root = context.paths().root();
        ScanRequest request = new ScanRequest(root, List.of(root), moduleDirectories(context.paths().modulesDirectory()),
                context.assembly(), null, ScanRequest.DEFAULT_MAX_FILE_BYTES);
        ScanReport report = new SecurityScan().run(request);
        WaiverLedger ledger;
        try {
            ledger = Ledger.read(context);
        } catch (Ledger.UnusableLedger e) {
            return new GateResult.Failed(name(), e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
        // Waivers apply as in the command: the whole workspace, infrastructure rules included.
        ScanOutcome outcome = new ScanOutcome(report, Baseline.empty(), Severity.MEDIUM, null, ledger,
                ScanOutcome.scope(true, true, false));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String summary = outcome.summary();
        if (!outcome.passed()) {
            Finding first = outcome.failing().get(0);
            // The finding's message names the rule and place, never the matched value.
            return new GateResult.Failed(name(), summary + "; first: " + first.location() + ": " + first.ruleId() + " "
                    + first.message(), millis);
        }
        return new GateResult.Passed(name(), summary, millis);
    }

    private static List<Path> moduleDirectories(Path modules) throws IOException {
        if (!Files.isDirectory(modules)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(modules)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
        }
    }
}
