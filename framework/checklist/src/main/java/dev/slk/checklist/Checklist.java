package dev.slk.checklist;

import dev.slk.checklist.code.ErrorHandlingCheck;
import dev.slk.checklist.code.ParsedFunctions;
import dev.slk.checklist.code.PowertoolsCheck;
import dev.slk.checklist.coverage.CoverageCheck;
import dev.slk.checklist.docs.ReadmeCheck;
import dev.slk.checklist.iam.IamCheck;
import dev.slk.checklist.packaging.PackagingCheck;
import dev.slk.checklist.packaging.ScanCheck;
import dev.slk.checklist.packaging.SynthCheck;
import dev.slk.checklist.registration.ConfigValidationCheck;
import dev.slk.checklist.registration.ModuleInterfaceCheck;
import dev.slk.checklist.registration.RegisteredCheck;
import dev.slk.checklist.runner.LocalRunnerCheck;
import dev.slk.checklist.text.CopyrightCheck;
import dev.slk.checklist.text.NoEmotesCheck;
import dev.slk.core.findings.Finding;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.workspace.Workspace;
import dev.slk.core.workspace.WorkspacePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code slk checklist}: the packaging guide's module checklist, each item measured by its
 * {@link Check}, for one module or every module of the workspace.
 */
public final class Checklist {
    private final UnaryOperator<List<Finding>> acceptance;

    /**
     * @param acceptance gives findings the acceptance a waiver ledger grants them (identity when
     *     there is no ledger)
     */
    public Checklist(UnaryOperator<List<Finding>> acceptance) {
        this.acceptance = acceptance;
    }

    /**
     * A checklist whose findings the workspace's waiver ledger judges, as every checking command's:
     * a finding an active waiver matches is accepted (its item passes, showing owner, reason and
     * expiry), one whose waiver expired says so and still fails. The checklist orphans no waiver:
     * each item is judged on its own, and {@code slk waivers} tells which entries match nothing.
     *
     * @param ledger the waiver ledger
     * @return the checklist
     */
    public static Checklist judgedBy(WaiverLedger ledger) {
        return new Checklist(findings -> ledger.judge(findings, WaiverLedger.Scope.matchingOnly()).findings());
    }

    /**
     * @param request what to check
     * @return each module's checklist, in the request's order
     * @throws IOException when a module's files cannot be read
     */
    public List<ModuleChecklist> run(ChecklistRequest request) throws IOException {
        List<Check> checks = checks(request);
        String holder = request.paths().workspace().map(Workspace::copyrightHolder)
                .orElse(Workspace.DEFAULT_COPYRIGHT_HOLDER);
        List<ModuleChecklist> results = new ArrayList<>();
        for (String id : request.moduleIds()) {
            ModuleUnderCheck module = new ModuleUnderCheck(id, request.paths().moduleDirectory(id), request.paths(),
                    holder, request.registry());
            List<ItemResult> items = new ArrayList<>();
            for (Check check : checks) {
                Measurement measured = check.measure(module);
                List<Finding> judged = measured instanceof Measurement.Measured m ? acceptance.apply(m.findings())
                        : List.of();
                items.add(ItemResult.of(check.item(), measured, judged));
            }
            results.add(new ModuleChecklist(id, items));
        }
        return results;
    }

    /** The checks in checklist order. */
    static List<Check> checks(ChecklistRequest request) {
        ParsedFunctions parsed = new ParsedFunctions();
        return List.of(new ModuleInterfaceCheck(), new ConfigValidationCheck(request.baseConfig()),
                new IamCheck(request.infrastructure()), new ErrorHandlingCheck(parsed), new PowertoolsCheck(parsed), new CoverageCheck(request.run()),
                new LocalRunnerCheck(), new ReadmeCheck(), new NoEmotesCheck(),
                new CopyrightCheck(request.fix(), request.clock()), new RegisteredCheck(request.baseConfig()),
                new PackagingCheck(), new ScanCheck(request.infrastructure()), new SynthCheck(request.infrastructure()));
    }

    /**
     * @param paths the workspace
     * @param id a module id
     * @return why the workspace has no module {@code id}, naming the modules it has; empty when it has it
     */
    public static Optional<String> unknownModule(WorkspacePaths paths, String id) {
        if (Files.isDirectory(paths.moduleDirectory(id))) {
            return Optional.empty();
        }
        List<String> known = moduleIds(paths.modulesDirectory());
        return Optional.of("unknown module '" + id + "': there is no " + paths.display(paths.moduleDirectory(id)) + " ("
                + (known.isEmpty() ? "the workspace has no modules" : "modules: " + String.join(", ", known)) + ")");
    }

    /**
     * @param modulesDirectory the workspace's modules directory
     * @return the ids of the module directories in it (a directory with a pom.xml), sorted
     */
    public static List<String> moduleIds(Path modulesDirectory) {
        if (!Files.isDirectory(modulesDirectory)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(modulesDirectory)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
