package dev.slk.iam.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.iam.policy.Policy;
import dev.slk.iam.policy.PolicyKind;
import dev.slk.iam.policy.PolicyValue;
import dev.slk.iam.policy.Statement;
import dev.slk.iam.policy.Values;
import java.util.List;
import java.util.Locale;

/** Who may assume a role or use a resource: any principal, and service principals without a source condition. */
final class TrustChecks {
    private TrustChecks() {
    }

    static void check(Policy policy, Context ctx) {
        if (policy.kind() == PolicyKind.IDENTITY) {
            return;
        }
        for (Statement s : policy.statements()) {
            if (!s.allow()) {
                continue;
            }
            JsonNode principal = s.principal();
            boolean anyone = principal.isTextual() && principal.asText().equals("*")
                    || Values.resolveAll(principal.path("AWS"), policy.stack()).stream().anyMatch(PolicyValue::isStar);
            if (anyone && !s.conditional()) {
                ctx.report(IamRules.TRUST_WILDCARD, policy, s.pointer() + "/Principal", "statement "
                        + StatementChecks.label(s) + " of the " + policy.describe() + " allows any principal", "*");
            }
            List<PolicyValue> services = Values.resolveAll(principal.path("Service"), policy.stack());
            for (PolicyValue service : services) {
                String name = normalise(service.text());
                if (ActionSets.CONFUSED_DEPUTY_SERVICES.contains(name)
                        && ActionSets.SOURCE_KEYS.stream().noneMatch(s::conditionHasKey)) {
                    ctx.report(IamRules.CONFUSED_DEPUTY, policy, s.pointer() + "/Principal", "statement "
                            + StatementChecks.label(s) + " of the " + policy.describe() + " trusts " + service.text()
                            + " without aws:SourceAccount or aws:SourceArn", name);
                }
            }
        }
    }

    /** {@code logs.<AWS::Region>.amazonaws.com} and {@code logs.eu-west-1.amazonaws.com} are logs.amazonaws.com. */
    private static String normalise(String service) {
        return service.toLowerCase(Locale.ROOT).replaceFirst("\\.(<aws::region>|[a-z]{2}(-[a-z]+)+-\\d)\\.", ".");
    }
}
