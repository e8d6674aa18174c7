package dev.slk.deploy.gates;

import dev.slk.checklist.Checklist;
import dev.slk.checklist.ChecklistReport;
import dev.slk.checklist.ChecklistRequest;
import dev.slk.checklist.ItemResult;
import dev.slk.checklist.ModuleChecklist;
import dev.slk.checklist.Verdict;
import dev.slk.core.BuildInfo;
import dev.slk.core.config.IntegrationStates;
import dev.slk.core.findings.Finding;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.yaml.UnreadableInputException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The module checklist of every module the configuration enables, as {@code slk checklist --module ID}
 * runs it: the module's build and tests run, the waiver ledger judges the findings. An enabled module the
 * workspace does not hold cannot be checked, so it fails the gate rather than pass unchecked.
 */
public final class ChecklistGate implements Gate {
    @Override
    public String name() {
        return "checklist";
    }

    @Override
    public GateResult run(GateContext context) throws IOException {
        long start = System.nanoTime();
        WaiverLedger ledger;
        Map<String, Boolean> states;
        try {
            ledger = Ledger.read(context);
            states = IntegrationStates.read(context.document());
        } catch (Ledger.UnusableLedger | UnreadableInputException e) {
            return new GateResult.Failed(name(), e.getMessage(), millisSince(start));
        }
        List<String> enabled = states.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        List<String> inWorkspace = Checklist.moduleIds(context.paths().modulesDirectory());
        List<String> absent = enabled.stream().filter(id -> !inWorkspace.contains(id)).toList();
        if (!absent.isEmpty()) {
            return new GateResult.Failed(name(), "enabled module(s) " + String.join(", ", absent)
                    + " not in " + context.paths().display(context.paths().modulesDirectory())
                    + ", so their checklist cannot run", millisSince(start));
        }
        List<ModuleChecklist> results = Checklist.judgedBy(ledger).run(new ChecklistRequest(context.paths(),
                context.registry(), enabled, context.document(), false, true, Clock.systemUTC()));
        String summary = enabled.isEmpty() ? "no module is enabled"
                : ChecklistReport.of(results, BuildInfo.slkVersion()).summary();
        long millis = millisSince(start);
        return results.stream()
                .filter(m -> !m.passed())
                .findFirst()
                .<GateResult>map(m -> new GateResult.Failed(name(), summary + "; first: " + firstFailure(m), millis))
                .orElseGet(() -> new GateResult.Passed(name(), summary, millis));
    }

    private static String firstFailure(ModuleChecklist module) {
        ItemResult item = module.items().stream().filter(i -> i.verdict() == Verdict.FAIL).findFirst().orElseThrow();
        String what = item.findings().isEmpty() ? String.join("; ", item.evidence())
                : describe(item.findings().get(0));
        return module.moduleId() + " item " + item.item().number() + " (" + item.item().title() + "): " + what;
    }

    private static String describe(Finding finding) {
        return finding.location() + ": " + finding.message();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
