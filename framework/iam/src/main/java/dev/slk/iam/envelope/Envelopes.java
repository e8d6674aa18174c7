package dev.slk.iam.envelope;

import dev.slk.assembly.Owner;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ActionInfo;
import dev.slk.iam.policy.Policy;
import dev.slk.iam.policy.PolicyKind;
import dev.slk.iam.policy.PolicyValue;
import dev.slk.iam.policy.Statement;
import dev.slk.iam.policy.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each module's effective access: every Allow of the identity policies the module owns, actions expanded
 * through the catalogue, resources with their owners, and whether a condition applies.
 */
public final class Envelopes {
    private Envelopes() {
    }

    /** A grant and the statement it comes from. */
    public record Grant(Access access, Policy policy, Statement statement) {
    }

    /**
     * @param policies the analysed policies
     * @param catalogue the catalogue that expands action patterns
     * @return module id to its grants, modules and grants sorted
     */
    public static Map<String, List<Grant>> of(List<Policy> policies, ActionCatalogue catalogue) {
        Map<String, Map<Access, Grant>> byModule = new TreeMap<>();
        for (Policy p : policies) {
            if (p.kind() != PolicyKind.IDENTITY || !(p.owner() instanceof Owner.Module module)) {
                continue;
            }
            for (Statement s : p.statements()) {
                if (!s.allow()) {
                    continue;
                }
                List<String> actions = new ArrayList<>();
                for (PolicyValue a : s.actions()) {
                    List<ActionInfo> expanded = a.text().equals("*") ? List.of() : catalogue.expand(a.text());
                    if (expanded.isEmpty()) {
                        actions.add(a.text());
                    } else {
                        expanded.forEach(x -> actions.add(x.fullName()));
                    }
                }
                for (PolicyValue a : s.notActions()) {
                    actions.add("NotAction " + a.text());
                }
                List<PolicyValue> resources = new ArrayList<>(s.resources());
                s.notResources().forEach(r -> resources.add(PolicyValue.literal("NotResource " + r.text())));
                for (String action : actions) {
                    for (PolicyValue r : resources) {
                        String owner = r.targets().isEmpty() ? "outside" : Values.ownerLabel(r.targets().get(0).owner());
                        Access access = new Access(action, r.text(), owner, s.conditional());
                        byModule.computeIfAbsent(module.id(), k -> new TreeMap<>())
                                .putIfAbsent(access, new Grant(access, p, s));
                    }
                }
            }
        }
        Map<String, List<Grant>> out = new LinkedHashMap<>();
        byModule.forEach((m, grants) -> out.put(m, List.copyOf(grants.values())));
        return out;
    }

    /** @return the accesses alone, sorted, each once */
    public static List<Access> accesses(List<Grant> grants) {
        return List.copyOf(new TreeSet<>(grants.stream().map(Grant::access).toList()));
    }
}
