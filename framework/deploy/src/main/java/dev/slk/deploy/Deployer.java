package dev.slk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.BuildInfo;
import dev.slk.core.config.ProjectConfig;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.deploy.cdk.CdkRun;
import dev.slk.deploy.cdk.CdkRunner;
import dev.slk.deploy.gates.Gate;
import dev.slk.deploy.gates.GateContext;
import dev.slk.deploy.gates.GateResult;
import dev.slk.deploy.gates.Gates;
import dev.slk.stack.SynthResult;
import dev.slk.stack.SynthSummary;
import dev.slk.stack.Synthesizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * {@code slk deploy}: the gates, synthesis, the diff, approval, then the real CDK CLI on the
 * assembly, and a record of what was deployed. Only one deployment of an environment runs at a time.
 */
public final class Deployer {
    /** The environment whose gates cannot be skipped and whose approval defaults to broadening. */
    public static final String PRODUCTION = "prod";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Synthesizer synthesizer;
    private final CdkRunner cdk;
    private final List<Gate> gates;
    private final Consumer<String> progress;

    /**
     * @param synthesizer synthesizes the assembly
     * @param cdk runs the CDK CLI
     * @param gates the gates, in order (see {@link Gates#standard()})
     * @param progress receives a line as each phase starts, and the CDK CLI's own lines
     */
    public Deployer(Synthesizer synthesizer, CdkRunner cdk, List<Gate> gates, Consumer<String> progress) {
        this.synthesizer = synthesizer;
        this.cdk = cdk;
        this.gates = List.copyOf(gates);
        this.progress = progress;
    }

    /**
     * @param request what to deploy
     * @param approver asks on a terminal, or null when there is none
     * @return how it ended
     * @throws DeployException when it cannot start (skips in prod, lock held, synthesis refused, CDK CLI
     *     failing before the deployment)
     * @throws IOException when files cannot be read or written
     */
    public DeployOutcome deploy(DeployRequest request, Approver approver) throws IOException {
        Map<String, Long> phases = new LinkedHashMap<>();
        String environment = environment(request);
        boolean production = PRODUCTION.equals(environment);
        checkSkips(request, production);
        Path assembly = request.paths().assembly();
        GateContext context = new GateContext(request.document(), request.selectedEnvironment(), production,
                request.registry(), request.paths(), assembly);
        DeploymentRecords records = DeploymentRecords.of(request.paths().root(), environment);
        DeployLock lock = DeployLock.acquire(records.directory(), "slk deploy --env " + environment);
        try {
            List<GateResult> results = new ArrayList<>();
            long start = System.nanoTime();
            // Gates that need no assembly first (validate-config, checklist): a failure then costs no synth.
            int beforeSynth = (int) gates.stream().takeWhile(g -> !g.readsAssembly()).count();
            if (!runGates(gates.subList(0, beforeSynth), context, request, results)) {
                phases.put("gates", millisSince(start));
                return new DeployOutcome.GateFailed(results, phases);
            }
            long gatesSoFar = millisSince(start);
            start = System.nanoTime();
            progress.accept("synthesizing " + request.paths().display(assembly));
            SynthResult synthesis = synthesize(request, assembly, production);
            boolean reused = synthesis instanceof SynthResult.UpToDate;
            phases.put(reused ? "synth (reused, up to date)" : "synth", millisSince(start));
            start = System.nanoTime();
            boolean passed = runGates(gates.subList(beforeSynth, gates.size()), context, request, results);
            phases.put("gates", gatesSoFar + millisSince(start));
            if (!passed) {
                return new DeployOutcome.GateFailed(results, phases);
            }
            String stack = reused ? ((SynthResult.UpToDate) synthesis).stackName()
                    : ((SynthResult.Synthesized) synthesis).summary().stackName();
            return diffAndDeploy(request, records, environment, stack, assembly, results, phases, approver,
                    request.configFile() == null ? "bundled example" : Fingerprints.ofFile(request.configFile()));
        } finally {
            lock.close();
        }
    }

    /**
     * {@code slk rollback}: redeploys the kept assembly of the previous successful deployment (or of
     * {@code toRecord}) through the same diff and approval rules. Its gates are not run again: they
     * passed when that assembly was first deployed, as its record shows.
     *
     * @param request the environment and options (gates and dry-run apply as for deploy)
     * @param toRecord the record to return to, or null for the one before the last successful one
     * @param approver asks on a terminal, or null
     * @return how it ended
     * @throws IOException when files cannot be read or written
     */
    public DeployOutcome rollback(DeployRequest request, String toRecord, Approver approver) throws IOException {
        Map<String, Long> phases = new LinkedHashMap<>();
        String environment = environment(request);
        DeploymentRecords records = DeploymentRecords.of(request.paths().root(), environment);
        DeployLock lock = DeployLock.acquire(records.directory(), "slk rollback --env " + environment);
        try {
            List<DeploymentRecord> succeeded = records.list().stream().filter(DeploymentRecord::succeeded).toList();
            DeploymentRecord target;
            if (toRecord != null) {
                target = succeeded.stream().filter(r -> r.id().equals(toRecord)).findFirst()
                        .orElseThrow(() -> new DeployException(1, "no successful deployment record " + toRecord + " of "
                                + environment + " in " + records.directory()));
            } else if (succeeded.size() < 2) {
                throw new DeployException(1, "no earlier successful deployment of " + environment
                        + " to roll back to (" + succeeded.size() + " successful record(s) in " + records.directory() + ")");
            } else {
                target = succeeded.get(succeeded.size() - 2);
            }
            Path assembly = records.directory().resolve("assemblies").resolve(target.id());
            if (!Files.isRegularFile(assembly.resolve(DeploymentRecords.ASSEMBLY_MARKER))) {
                throw new DeployException(1, "the assembly of record " + target.id() + " is no longer kept (see --keep)");
            }
            progress.accept("rolling back " + target.stack() + " to record " + target.id() + " (" + target.time() + ")");
            List<GateResult> results = List.of(new GateResult.Skipped("gates", "rollback to record " + target.id()
                    + ", whose gates passed when it was deployed"));
            return diffAndDeploy(request, records, environment, target.stack(), assembly, results, phases, approver,
                    target.configFingerprint());
        } finally {
            lock.close();
        }
    }

    /**
     * {@code slk diff}: synthesizes (or reuses) the assembly and shows what {@code cdk diff} says will change.
     *
     * @param request the environment
     * @param output receives cdk diff's lines
     * @return the summary
     * @throws IOException when files cannot be read or written
     */
    public DiffSummary diff(DeployRequest request, Consumer<String> output) throws IOException {
        Path assembly = request.paths().assembly();
        SynthResult synthesis = synthesize(request, assembly, PRODUCTION.equals(environment(request)));
        String stack = synthesis instanceof SynthResult.UpToDate upToDate ? upToDate.stackName()
                : ((SynthResult.Synthesized) synthesis).summary().stackName();
        CdkRun run = cdk.run(List.of("diff", "--app", assembly.toString(), "--no-color", stack), line -> { });
        if (run.exitCode() != 0) {
            CdkFailure failure = CdkFailure.of(run, cdk.cli().executable(), stack);
            throw new DeployException(failure.exitCode(), failure.message());
        }
        run.lines().stream().filter(l -> !l.startsWith("✨")).forEach(output);
        return DiffSummary.parse(run.lines());
    }

    static String environment(DeployRequest request) {
        ValidationReport report = new ConfigValidator(request.registry()).validate(request.document(),
                request.selectedEnvironment());
        return report.config().map(ProjectConfig::environment)
                .orElse(request.selectedEnvironment() == null ? "dev" : request.selectedEnvironment());
    }

    private DeployOutcome diffAndDeploy(DeployRequest request, DeploymentRecords records, String environment,
            String stack, Path assembly, List<GateResult> results, Map<String, Long> phases, Approver approver,
            String configFingerprint) throws IOException {
        boolean production = PRODUCTION.equals(environment);
        long start = System.nanoTime();
        progress.accept("diff: cdk diff " + stack);
        CdkRun diffRun = cdk.run(List.of("diff", "--app", assembly.toString(), "--no-color", stack), line -> { });
        phases.put("diff", millisSince(start));
        if (diffRun.exitCode() != 0) {
            CdkFailure failure = CdkFailure.of(diffRun, cdk.cli().executable(), stack);
            throw new DeployException(failure.exitCode(), failure.message());
        }
        diffRun.lines().stream().filter(l -> !l.isBlank() && !l.startsWith("✨")).forEach(progress);
        DiffSummary diff = DiffSummary.parse(diffRun.lines());
        if (request.dryRun()) {
            return new DeployOutcome.DryRun(results, diff, phases);
        }
        if (!diff.anyChange() && diffRun.lines().stream().anyMatch(l -> l.contains("no differences"))) {
            return new DeployOutcome.UpToDate(results, stack, phases);
        }
        ApprovalLevel level = request.approval() != null ? request.approval()
                : production ? ApprovalLevel.BROADENING : ApprovalLevel.NEVER;
        Optional<String> refusal = approve(level, diff, request.yes(), approver, environment);
        if (refusal.isPresent()) {
            return new DeployOutcome.Refused(results, diff, refusal.get(), phases);
        }
        return run(request, records, environment, stack, assembly, results, diff, phases, configFingerprint);
    }

    private DeployOutcome run(DeployRequest request, DeploymentRecords records, String environment, String stack,
            Path assembly, List<GateResult> results, DiffSummary diff, Map<String, Long> phases, String configFingerprint)
            throws IOException {
        Path scratch = Files.createTempDirectory(records.directory(), ".outputs-");
        try {
            Path outputsFile = scratch.resolve("outputs.json");
            long start = System.nanoTime();
            progress.accept("deploying " + stack + " with the AWS CDK CLI " + cdk.cli().version());
            CdkRun run = cdk.run(List.of("deploy", "--app", assembly.toString(), "--require-approval", "never",
                    "--progress", "events", "--no-color", "--outputs-file", outputsFile.toString(), stack), progress);
            phases.put("deploy", millisSince(start));
            CdkFailure failure = run.exitCode() == 0 ? null : CdkFailure.of(run, cdk.cli().executable(), stack);
            Instant now = Instant.now();
            String id = recordId(now);
            DeploymentRecord record = new DeploymentRecord(id, now.toString(), environment, stack, BuildInfo.slkVersion(),
                    cdk.cli().version().toString(),
                    configFingerprint, Fingerprints.ofTree(assembly), gateRows(results), diff.line(),
                    failure == null ? DeploymentRecord.DEPLOYED : DeploymentRecord.FAILED,
                    failure == null ? "" : failure.message(), outputs(outputsFile, stack), phases);
            Path file = records.write(record);
            if (failure == null) {
                records.keepAssembly(id, assembly, request.keep());
            }
            return new DeployOutcome.Ran(results, diff, record, file, failure, phases);
        } finally {
            AtomicWriter.deleteTree(scratch);
        }
    }

    /** @return a record id, sortable by time, unique within the second */
    static String recordId(Instant now) {
        return ID_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    private static Optional<String> approve(ApprovalLevel level, DiffSummary diff, boolean yes, Approver approver,
            String environment) {
        if (!level.asksFor(diff) || yes) {
            return Optional.empty();
        }
        String why = "--require-approval " + level.label() + " asks for approval of these changes (" + diff.line() + ")";
        if (approver == null) {
            return Optional.of(why + " and there is no terminal to ask on; nothing was deployed (run again with --yes "
                    + "to approve)");
        }
        return approver.approve("Deploy these changes to " + environment + "?") ? Optional.empty()
                : Optional.of("not approved; nothing was deployed");
    }

    private SynthResult synthesize(DeployRequest request, Path assembly, boolean strict) throws IOException {
        SynthResult result = synthesizer.synthesize(request.document(), request.selectedEnvironment(), assembly, strict);
        if (result instanceof SynthResult.UpToDate) {
            // The assembly's recorded inputs (config, module jars, slk version) are today's.
            return result;
        }
        if (result instanceof SynthResult.Invalid) {
            throw new DeployException(1, "the configuration is invalid; nothing was deployed");
        }
        if (result instanceof SynthResult.Failed failed) {
            throw new DeployException(1, failed.reason() + "; nothing was deployed");
        }
        SynthSummary summary = ((SynthResult.Synthesized) result).summary();
        if (!summary.written()) {
            throw new DeployException(1, "cdk-nag found " + (strict ? "errors or warnings (strict in prod)" : "errors")
                    + "; nothing was deployed (see slk synth)");
        }
        return result;
    }

    private boolean runGates(List<Gate> toRun, GateContext context, DeployRequest request, List<GateResult> results)
            throws IOException {
        for (Gate gate : toRun) {
            String reason = request.skippedGates().get(gate.name());
            GateResult result = reason != null ? new GateResult.Skipped(gate.name(), reason) : gate.run(context);
            results.add(result);
            progress.accept("gate " + gate.name() + ": " + label(result) + ", " + result.summary());
            if (!result.allowsDeploy()) {
                return false;
            }
        }
        return true;
    }

    private void checkSkips(DeployRequest request, boolean production) {
        for (String name : new TreeMap<>(request.skippedGates()).keySet()) {
            if (gates.stream().noneMatch(g -> g.name().equals(name))) {
                throw new DeployException(2, "--skip-gate " + name + ": no such gate (gates: "
                        + String.join(", ", gates.stream().map(Gate::name).toList()) + ")");
            }
            if (production) {
                throw new DeployException(2, "--skip-gate " + name + ": gates cannot be skipped in prod");
            }
        }
    }

    /**
     * @param result a gate's result
     * @return {@code passed}, {@code FAILED} or {@code skipped}
     */
    public static String label(GateResult result) {
        if (result instanceof GateResult.Failed) {
            return "FAILED";
        }
        return result instanceof GateResult.Skipped ? "skipped" : "passed";
    }

    private static List<Map<String, String>> gateRows(List<GateResult> results) {
        return results.stream().map(Deployer::gateRow).toList();
    }

    private static Map<String, String> gateRow(GateResult result) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("gate", result.gate());
        row.put("result", label(result).toLowerCase(java.util.Locale.ROOT));
        row.put("summary", result.summary());
        if (result instanceof GateResult.Passed passed) {
            row.put("millis", Long.toString(passed.millis()));
        } else if (result instanceof GateResult.Failed failed) {
            row.put("millis", Long.toString(failed.millis()));
        }
        return row;
    }

    private static Map<String, String> outputs(Path outputsFile, String stack) throws IOException {
        Map<String, String> outputs = new TreeMap<>();
        if (Files.isRegularFile(outputsFile)) {
            JsonNode stackOutputs = JSON.readTree(outputsFile.toFile()).path(stack);
            stackOutputs.properties().forEach(e -> outputs.put(e.getKey(), e.getValue().asText()));
        }
        return outputs;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
