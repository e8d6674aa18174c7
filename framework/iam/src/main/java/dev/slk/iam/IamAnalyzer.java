package dev.slk.iam;

import dev.slk.assembly.StackTemplate;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.report.Notice;
import dev.slk.iam.envelope.Access;
import dev.slk.iam.envelope.Envelopes;
import dev.slk.iam.policy.Policy;
import dev.slk.iam.policy.PolicyExtractor;
import dev.slk.iam.rules.Checks;
import dev.slk.iam.rules.Context;
import dev.slk.iam.rules.IamRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code slk iam-analyzer}: every policy of the templates, checked offline against the action catalogue. */
public final class IamAnalyzer {
    /**
     * @param request what to analyse
     * @return the findings, the modules' access and what could not be analysed
     */
    public IamAnalysis analyze(IamRequest request) {
        long start = System.nanoTime();
        PolicyExtractor extractor = new PolicyExtractor(request.managed());
        List<Policy> policies = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (StackTemplate stack : request.stacks()) {
            policies.addAll(extractor.extract(stack, notes));
        }
        Context ctx = new Context(request.catalogue(), policies, request.displayFile());
        Checks.run(ctx);
        Map<String, List<Envelopes.Grant>> grants = Envelopes.of(policies, request.catalogue());
        Map<String, List<Access>> envelopes = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>(ctx.findings());
        grants.forEach((module, list) -> {
            if (request.module() == null || request.module().equals(module)) {
                envelopes.put(module, Envelopes.accesses(list));
                if (request.baseline() != null) {
                    findings.addAll(newAccess(module, list, request));
                }
            }
        });
        List<Finding> selected = findings.stream()
                .filter(f -> request.module() == null || request.module().equals(f.module()))
                .sorted(Finding.ORDER).toList();
        List<Notice> notices = notes.stream().distinct().map(n -> new Notice("", n)).toList();
        int statements = policies.stream().mapToInt(p -> p.statements().size()).sum();
        return new IamAnalysis(selected, envelopes, policies, notices, statements,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static List<Finding> newAccess(String module, List<Envelopes.Grant> grants, IamRequest request) {
        List<Access> accepted = request.baseline().of(module).orElse(List.of());
        Map<String, List<Envelopes.Grant>> byStatement = new LinkedHashMap<>();
        for (Envelopes.Grant g : grants) {
            if (accepted.stream().noneMatch(g.access()::coveredBy)) {
                byStatement.computeIfAbsent(g.policy().holder().logicalId() + g.statement().pointer(),
                        k -> new ArrayList<>()).add(g);
            }
        }
        List<Finding> out = new ArrayList<>();
        byStatement.values().forEach(list -> {
            Envelopes.Grant first = list.get(0);
            Policy p = first.policy();
            List<String> what = list.stream().map(g -> g.access().key() + (g.access().conditional() ? " [conditional]" : ""))
                    .toList();
            String text = what.size() <= 8 ? String.join("; ", what)
                    : String.join("; ", what.subList(0, 8)) + "; and " + (what.size() - 8) + " more";
            var at = p.holder();
            ResourceLocation location = new ResourceLocation(
                    new SourceLocation(request.displayFile().apply(p.stack().file()), at.line(), at.column()),
                    p.stack().stackName(), at.logicalId(), at.constructPath());
            out.add(new Finding(IamRules.NEW_ACCESS.id(), IamRules.NEW_ACCESS.severity(), location,
                    first.statement().pointer(), "module " + module + " has access its baseline "
                    + Objects.requireNonNullElse(request.baselineFile(), "") + " does not list: " + text,
                    IamRules.NEW_ACCESS.hint(), "", Fingerprints.of(IamRules.NEW_ACCESS.id(), module,
                    String.join("\n", what)), module, null));
        });
        return out;
    }
}
