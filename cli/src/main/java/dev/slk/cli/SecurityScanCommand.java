package dev.slk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slk.core.BuildInfo;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.ReportFormat;
import dev.slk.core.text.Echo;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.waivers.WaiverLedgerException;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.scan.Baseline;
import dev.slk.scan.RuleCatalogue;
import dev.slk.core.findings.Rule;
import dev.slk.scan.ScanOutcome;
import dev.slk.scan.ScanReport;
import dev.slk.scan.ScanRequest;
import dev.slk.scan.SecurityScan;
import dev.slk.scan.git.GitScope;
import dev.slk.scan.git.PreCommitHook;
import dev.slk.scan.git.GitRepository;
import dev.slk.core.io.OutputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slk security-scan}: hard-coded secrets and insecure infrastructure. */
@Command(name = "security-scan",
        mixinStandardHelpOptions = true,
        description = {
            "Scan for hard-coded secrets (AWS, Azure, GCP, PEM keys, GitHub/GitLab/Slack tokens, JWTs, credentials "
                    + "in URLs, generic secret assignments) and for infrastructure that stores or moves security data "
                    + "insecurely (checked on the synthesized templates in cdk.out), and for unpinned module "
                    + "dependencies.",
            "",
            "Accept a finding in the source with a comment on its line or the line above: "
                    + "slk-scan:ignore RULE-ID REASON. Accept existing findings with a baseline: "
                    + "--baseline FILE --update-baseline writes one; --baseline FILE then fails only on new findings."
        },
        footer = {"", "Exit codes: 0 nothing at or above --fail-on remains, 1 something does, 2 usage error or "
                + "unreadable input, 3 internal error."})
final class SecurityScanCommand implements Callable<Integer> {
    private final CliContext cli;

    @ArgGroup(exclusive = true)
    private Target target = new Target();

    static final class Target {
        @Option(names = "--module", paramLabel = "ID", description = "Scan modules/ID and its resources in cdk.out.")
        String module;

        @Option(names = "--all", description = "Scan the whole workspace and every module (the default).")
        boolean all;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to scan (no infrastructure rules).")
        List<Path> paths = new ArrayList<>();
    }

    @Mixin
    private ReportOptions reportOptions;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Accept the findings whose fingerprints FILE lists.")
    private Path baseline;

    @Option(names = "--update-baseline", description = "Write every current unsuppressed finding to the --baseline FILE and exit 0.")
    private boolean updateBaseline;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "medium", completionCandidates = Levels.class,
            description = "Lowest severity that fails the scan: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Severity failOn;

    /** The severities as users write them, lower case, for help and completion. */
    static final class Levels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Severity.values()).map(Severity::label).iterator();
        }
    }

    @Option(names = "--strict", description = "Fail on an orphaned waiver (one in slk-waivers.yaml that matches no finding).")
    private boolean strict;

    @Option(names = "--no-infra", description = "Skip the infrastructure and dependency rules.")
    private boolean noInfra;

    @Option(names = "--history", description = "Also scan the git history: every blob reachable from the refs, "
            + "each once, read from the repository (no checkout). A finding is reported once, at the commit, author date "
            + "and path where it first appears; one still in the work tree is reported there.")
    private boolean history;

    @Option(names = "--since", paramLabel = "REF", description = "With --history: leave out REF's history (its "
            + "commits and the blobs its tree holds), e.g. --since v1.2 or --since origin/main.")
    private String since;

    @Option(names = "--staged", description = "Scan exactly what is staged: the files of the index that differ "
            + "from HEAD, as the index holds them (not the work tree). Secrets only. For a pre-commit hook.")
    private boolean staged;

    @Option(names = "--install-hook", description = "Install a git pre-commit hook that runs security-scan --staged, "
            + "and exit. An existing hook slk did not write is kept unless --force.")
    private boolean installHook;

    @Option(names = "--force", description = "With --install-hook: replace an existing pre-commit hook.")
    private boolean force;

    @Option(names = "--list-rules", description = "Print the rule catalogue and exit.")
    private boolean listRules;

    @Option(names = "--max-file-size", paramLabel = "MIB", defaultValue = "5",
            description = "Skip files larger than this many MiB, with a notice (default: ${DEFAULT-VALUE}).")
    private int maxFileMib;

    SecurityScanCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException, WaiverLedgerException, OutputException {
        if (listRules) {
            cli.out().print(reportOptions.format == ReportFormat.text ? rulesText(RuleCatalogue.all())
                    : rulesJson(RuleCatalogue.all()));
            return ExitCodes.OK;
        }
        if (updateBaseline && baseline == null) {
            throw new UsageException("--update-baseline needs --baseline FILE");
        }
        if (force && !installHook) {
            throw new UsageException("--force needs --install-hook");
        }
        if (installHook) {
            Path hook;
            try {
                hook = PreCommitHook.install(cli.paths().root(), force);
            } catch (GitRepository.NotARepositoryException e) {
                throw new UnreadableInputException(SourceLocation.ofFile(cli.paths().display(cli.paths().root())),
                        e.getMessage());
            }
            cli.note("installed the pre-commit hook " + hook + ": it runs slk security-scan --staged before each commit");
            return ExitCodes.OK;
        }
        if (staged && (history || target.module != null || !target.paths.isEmpty())) {
            throw new UsageException("--staged scans the index of the whole workspace: it takes no --history, "
                    + "--module or PATH");
        }
        if (since != null && !history) {
            throw new UsageException("--since needs --history");
        }
        if (history && (target.module != null || !target.paths.isEmpty())) {
            throw new UsageException("--history scans the whole workspace: it takes no --module or PATH");
        }
        if (maxFileMib < 1) {
            throw new UsageException("--max-file-size must be at least 1 (MiB)");
        }
        // The targets are checked before the scan so that a refusal costs nothing and writes nothing.
        if (updateBaseline) {
            AtomicWriter.checkFile(resolve(baseline), baseline.toString(), Baseline.OWNERSHIP);
        } else {
            reportOptions.checkTarget(cli, ScanOutcome.OUTPUT);
        }
        WaiverLedger ledger = cli.waivers();
        ScanRequest request = request();
        ScanReport report;
        try {
            report = new SecurityScan().run(request);
        } catch (IOException e) {
            String where = request.git() instanceof GitScope.WorkTree ? String.valueOf(request.targets())
                    : cli.paths().display(request.workspace());
            throw new UnreadableInputException(SourceLocation.ofFile(where), e.getMessage());
        }
        if (updateBaseline) {
            int accepted = Baseline.record(resolve(baseline), baseline.toString(), report);
            cli.note("baseline " + baseline + " accepts " + accepted + " finding(s)");
            return ExitCodes.OK;
        }
        Baseline accepted = baseline == null ? Baseline.empty() : Baseline.read(resolve(baseline), baseline.toString());
        boolean complete = target.module == null && target.paths.isEmpty() && !staged;
        ScanOutcome outcome = new ScanOutcome(report, accepted, failOn, baseline == null ? null : baseline.toString(),
                ledger, ScanOutcome.scope(!noInfra && !staged, complete, strict));
        CheckReport checked = outcome.toReport(BuildInfo.slkVersion());
        reportOptions.emit(cli, checked, ScanOutcome.OUTPUT);
        return checked.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private ScanRequest request() throws UnreadableInputException, IOException {
        WorkspacePaths paths = cli.paths();
        long maxBytes = maxFileMib * 1024L * 1024L;
        if (staged) {
            return ScanRequest.staged(paths.root(), maxBytes);
        }
        if (target.module != null) {
            if (!ModuleRegistry.MODULE_ID.matcher(target.module).matches()) {
                throw new UsageException("--module " + Echo.quoted(target.module) + " is not a module id (e.g. okta-logs)");
            }
            return ScanRequest.module(paths, target.module, !noInfra, maxBytes);
        }
        if (!target.paths.isEmpty()) {
            return ScanRequest.files(paths, target.paths, maxBytes);
        }
        GitScope git = history ? new GitScope.History(since) : new GitScope.WorkTree();
        return noInfra ? ScanRequest.secretsOnly(paths, maxBytes, git) : ScanRequest.wholeWorkspace(paths, maxBytes, git);
    }

    private Path resolve(Path p) {
        return cli.paths().resolve(p);
    }

    private static String rulesText(List<Rule> rules) {
        StringBuilder out = new StringBuilder();
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        for (Rule r : rules) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %-8s  %s%n", r.id(), r.severity().label(),
                    r.description()));
            out.append(" ".repeat(width + 12)).append("fix: ").append(r.hint()).append('\n');
        }
        return out.toString();
    }

    private static String rulesJson(List<Rule> rules) throws JsonProcessingException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode list = json.createArrayNode();
        rules.forEach(r -> list.addObject().put("id", r.id()).put("severity", r.severity().label())
                .put("description", r.description()).put("hint", r.hint()));
        return json.writeValueAsString(list) + "\n";
    }
}
