package dev.slk.scan;

import dev.slk.core.findings.Rule;
import dev.slk.scan.infra.TemplateRules;
import dev.slk.scan.rules.SecretRules;
import java.util.ArrayList;
import java.util.List;

/** Every rule security-scan applies, secret rules first, for --list-rules and SARIF metadata. */
public final class RuleCatalogue {
    private RuleCatalogue() {
    }

    /** @return the rules, in catalogue order */
    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        SecretRules.catalogue().forEach(r -> rules.add(new Rule(r.id(), r.severity(), r.description(), r.hint())));
        rules.addAll(TemplateRules.rules());
        return List.copyOf(rules);
    }
}
