package dev.slk.deploy.gates;

import dev.slk.core.BuildInfo;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.Severity;
import dev.slk.core.report.CheckReport;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.iam.IamAnalysis;
import dev.slk.iam.IamAnalyzer;
import dev.slk.iam.IamOutcome;
import dev.slk.iam.IamRequest;
import dev.slk.iam.IamSources;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ManagedPolicies;
import dev.slk.iam.envelope.Access;
import dev.slk.iam.envelope.AccessBaseline;
import dev.slk.iam.rules.IamRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * iam-analyzer on the assembly about to be deployed, as {@code slk iam-analyzer} runs by default (every
 * policy, failing at medium, the waiver ledger applied), with each module's access baseline where the
 * module keeps one ({@value #BASELINE_FILE} in its directory): access beyond it fails the gate.
 */
public final class IamAnalyzerGate implements Gate {
    /** The file in a module's directory that holds its accepted access. */
    public static final String BASELINE_FILE = "iam-access.json";

    @Override
    public String name() {
        return "iam-analyzer";
    }

    @Override
    public boolean readsAssembly() {
        return true;
    }

    @Override
    public GateResult run(GateContext context) throws IOException {
        long start = System.nanoTime();
        WaiverLedger ledger;
        IamSources sources;
        Map<String, List<Access>> kept;
        try {
            ledger = Ledger.read(context);
            sources = IamSources.assembly(context.assembly(), context.paths().display(context.assembly()));
            kept = keptBaselines(context);
        } catch (Ledger.UnusableLedger | IOException | UnreadableInputException e) {
            return new GateResult.Failed(name(), e.getMessage(), millisSince(start));
        }
        long loading = System.nanoTime();
        ActionCatalogue catalogue = ActionCatalogue.bundled();
        long catalogueMillis = millisSince(loading);
        AccessBaseline baseline = kept.isEmpty() ? null : new AccessBaseline(kept);
        String baselineName = kept.isEmpty() ? null : "modules/{" + String.join(",", kept.keySet()) + "}/" + BASELINE_FILE;
        IamAnalysis analysis = new IamAnalyzer().analyze(new IamRequest(sources.stacks(), null, catalogue,
                managedPolicies(), sources.displayFile(), baseline, baselineName));
        CheckReport report = new IamOutcome(onlyKeptBaselines(analysis, kept), Severity.MEDIUM, sources.description(),
                catalogue.describe(), catalogueMillis, baselineName, ledger, IamOutcome.scope(true, false))
                .toReport(BuildInfo.slkVersion());
        String summary = report.summary() + (kept.isEmpty() ? "; no module keeps an access baseline"
                : "; baselines of " + String.join(", ", kept.keySet()));
        long millis = millisSince(start);
        if (!report.passed()) {
            Finding first = report.findings().stream().filter(f -> report.status(f) == Status.FAILING)
                    .findFirst().orElseThrow();
            return new GateResult.Failed(name(), summary + "; first: " + first.location() + ": " + first.ruleId() + " "
                    + first.message(), millis);
        }
        return new GateResult.Passed(name(), summary, millis);
    }

    /** Each module's own entry of the baseline file in its directory, for the modules that keep one. */
    private static Map<String, List<Access>> keptBaselines(GateContext context) throws IOException {
        Map<String, List<Access>> kept = new TreeMap<>();
        Path modules = context.paths().modulesDirectory();
        if (!Files.isDirectory(modules)) {
            return kept;
        }
        try (var dirs = Files.list(modules)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve(BASELINE_FILE);
                if (Files.isRegularFile(file)) {
                    String id = dir.getFileName().toString();
                    AccessBaseline.read(file, context.paths().display(file)).of(id).ifPresent(a -> kept.put(id, a));
                }
            }
        }
        return kept;
    }

    /**
     * A baseline given to the analyzer judges every owner of a policy; only the modules that keep one are judged
     * by it here, so a module (or the core) without a baseline is not failed for having none.
     */
    private static IamAnalysis onlyKeptBaselines(IamAnalysis analysis, Map<String, List<Access>> kept) {
        List<Finding> findings = analysis.findings().stream()
                .filter(f -> !f.ruleId().equals(IamRules.NEW_ACCESS.id()) || kept.containsKey(f.module()))
                .toList();
        return new IamAnalysis(findings, analysis.envelopes(), analysis.policies(), analysis.notices(),
                analysis.statements(), analysis.elapsed());
    }

    private static Supplier<ManagedPolicies> managedPolicies() {
        // Loaded on first use: most assemblies attach no managed policy.
        return new Supplier<>() {
            private ManagedPolicies loaded;

            @Override
            public ManagedPolicies get() {
                if (loaded == null) {
                    loaded = ManagedPolicies.bundled();
                }
                return loaded;
            }
        };
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
