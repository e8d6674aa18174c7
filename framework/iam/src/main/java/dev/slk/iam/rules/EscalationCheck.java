package dev.slk.iam.rules;

import dev.slk.assembly.Resource;
import dev.slk.iam.catalogue.ActionInfo;
import dev.slk.iam.policy.Policy;
import dev.slk.iam.policy.PolicyKind;
import dev.slk.iam.policy.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Privilege escalation is a property of a principal, not of one statement: the actions of every identity
 * policy attached to a role are pooled, counting those granted on anything but the template's own resources.
 */
final class EscalationCheck {
    private EscalationCheck() {
    }

    static void check(Context ctx) {
        Map<Resource, Set<String>> held = new LinkedHashMap<>();
        Map<Resource, Policy> first = new LinkedHashMap<>();
        for (Policy p : ctx.policies()) {
            if (p.kind() != PolicyKind.IDENTITY) {
                continue;
            }
            for (Statement s : p.statements()) {
                if (!s.allow() || s.resources().stream().allMatch(v -> !v.targets().isEmpty())) {
                    continue;
                }
                Actions actions = Actions.of(s.actions(), ctx.catalogue());
                List<String> names = actions.hasStar() ? List.of("*") : actions.all().stream()
                        .map(ActionInfo::fullName).map(n -> n.toLowerCase(Locale.ROOT)).toList();
                for (Resource principal : p.principals()) {
                    held.computeIfAbsent(principal, k -> new TreeSet<>()).addAll(names);
                    first.putIfAbsent(principal, p);
                }
            }
        }
        held.forEach((principal, actions) -> {
            for (Set<String> combination : ActionSets.ESCALATIONS) {
                if (actions.contains("*") || actions.containsAll(combination)) {
                    Policy p = first.get(principal);
                    String set = String.join(" + ", new TreeSet<>(combination));
                    ctx.report(IamRules.PRIVILEGE_ESCALATION, p, principal, "", principal.type() + " "
                            + principal.logicalId() + " can escalate its privileges: it holds " + set
                            + " on resources beyond the template's own", set);
                    if (actions.contains("*")) {
                        return;
                    }
                }
            }
        });
    }
}
