package dev.slk.checklist.packaging;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.ItemResult;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.checklist.infra.Infrastructure;
import dev.slk.core.findings.Finding;
import dev.slk.scan.ScanReport;
import dev.slk.scan.ScanRequest;
import dev.slk.scan.SecurityScan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Packaging extra: {@code slk security-scan --module ID} is clean. The scan of the module's files,
 * its dependencies and, when the module's assembly is there, its resources in it; findings are the
 * scan's own (inline suppressions and waivers of scan rules count), failing at medium or above.
 */
public final class ScanCheck implements Check {
    private final Infrastructure infrastructure;

    /** @param infrastructure where the module's synthesized resources are */
    public ScanCheck(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @Override
    public Item item() {
        return Item.SECURITY_SCAN;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        Infrastructure.State state = infrastructure.of(module);
        Path assembly = state instanceof Infrastructure.Ready ready ? ready.directory() : null;
        ScanReport report = new SecurityScan().run(new ScanRequest(module.paths().root(), List.of(module.dir()),
                List.of(module.dir()), assembly, module.id(), ScanRequest.DEFAULT_MAX_FILE_BYTES));
        List<Finding> findings = report.findings();
        long failing = findings.stream().filter(f -> !f.accepted() && f.severity().compareTo(ItemResult.FAIL_ON) >= 0)
                .count();
        String infra = state instanceof Infrastructure.Ready ready ? "its resources in " + ready.how()
                : "no infrastructure (" + ((Infrastructure.Missing) state).reason() + ")";
        return new Measurement.Measured(List.of(String.format(Locale.ROOT,
                "security-scan --module %s: %d files, dependencies and %s; %d findings at %s or above, %d other",
                module.id(), report.filesScanned(), infra, failing, ItemResult.FAIL_ON.label(),
                findings.size() - failing)), findings);
    }
}
