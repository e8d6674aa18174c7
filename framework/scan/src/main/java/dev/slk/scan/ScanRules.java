package dev.slk.scan;

import dev.slk.core.findings.Finding;
import dev.slk.core.waivers.CommandRules;
import dev.slk.core.waivers.WaiverAudit;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/** The rules security-scan answers for in the waiver ledger: every rule of its catalogue. */
public final class ScanRules implements CommandRules {
    @Override
    public String command() {
        return ScanOutcome.COMMAND;
    }

    @Override
    public Collection<String> ruleIds() {
        return ScanOutcome.ruleIds();
    }

    @Override
    public List<Finding> completeRun(WaiverAudit.Input input) throws IOException {
        return new SecurityScan().run(ScanRequest.wholeWorkspace(input.paths(), ScanRequest.DEFAULT_MAX_FILE_BYTES))
                .findings();
    }
}
