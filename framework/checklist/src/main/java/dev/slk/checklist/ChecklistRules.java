package dev.slk.checklist;

import dev.slk.checklist.infra.Infrastructure;
import dev.slk.core.findings.Finding;
import dev.slk.core.waivers.CommandRules;
import dev.slk.core.waivers.WaiverAudit;
import dev.slk.core.workspace.WorkspacePaths;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The rules the checklist answers for in the waiver ledger: one per item. */
public final class ChecklistRules implements CommandRules {
    @Override
    public String command() {
        return ChecklistReport.COMMAND;
    }

    @Override
    public Collection<String> ruleIds() {
        return Arrays.stream(Item.values()).map(Item::ruleId).toList();
    }

    /**
     * Every module of the workspace without running its build ({@code --no-run}) and on the cloud
     * assembly as it is; only the items' own findings (the iam-analyzer's and the scan's are
     * counted by their own complete runs).
     */
    @Override
    public List<Finding> completeRun(WaiverAudit.Input input) throws IOException {
        WorkspacePaths paths = input.paths();
        ChecklistRequest request = new ChecklistRequest(paths, input.registry(),
                Checklist.moduleIds(paths.modulesDirectory()), input.config(), false, false, Clock.systemUTC(),
                Infrastructure.existing(paths.assembly(), paths.display(paths.assembly())));
        Set<String> own = Set.copyOf(ruleIds());
        return new Checklist(UnaryOperator.identity()).run(request).stream().flatMap(m -> m.findings().stream())
                .filter(f -> own.contains(f.ruleId())).toList();
    }
}
