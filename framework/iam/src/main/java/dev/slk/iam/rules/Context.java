package dev.slk.iam.rules;

import dev.slk.assembly.Resource;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.SourceLocation;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One analysis run: the catalogue, the policies, and the findings made so far. */
public final class Context {
    private final ActionCatalogue catalogue;
    private final List<Policy> policies;
    private final Function<String, String> displayFile;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param catalogue the action catalogue
     * @param policies every policy of the analysed templates
     * @param displayFile a template's file (relative to the assembly) as reports show it
     */
    public Context(ActionCatalogue catalogue, List<Policy> policies, Function<String, String> displayFile) {
        this.catalogue = catalogue;
        this.policies = List.copyOf(policies);
        this.displayFile = displayFile;
    }

    ActionCatalogue catalogue() {
        return catalogue;
    }

    List<Policy> policies() {
        return policies;
    }

    /** @return the findings, in the order they were made */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /**
     * Adds a finding at the policy's holder resource, attributed to the policy's module.
     *
     * @param rule the rule
     * @param policy the policy
     * @param pointer JSON pointer within the holder's body
     * @param message what is wrong; the construct path (or logical id) is appended
     * @param detail what identifies the finding within the pointer (an action, a resource), for its fingerprint
     */
    public void report(Rule rule, Policy policy, String pointer, String message, String detail) {
        report(rule, policy, policy.holder(), pointer, message, detail);
    }

    void report(Rule rule, Policy policy, Resource at, String pointer, String message, String detail) {
        ResourceLocation location = new ResourceLocation(
                new SourceLocation(displayFile.apply(policy.stack().file()), at.line(), at.column()),
                policy.stack().stackName(), at.logicalId(), at.constructPath());
        String where = at.constructPath().isEmpty() ? at.logicalId() : at.constructPath();
        findings.add(new Finding(rule.id(), rule.severity(), location, pointer, message + " (" + where + ")",
                rule.hint(), "", Fingerprints.of(rule.id(), policy.stack().stackName(), at.logicalId(), pointer, detail),
                policy.owner().moduleId().orElse(null), null));
    }
}
