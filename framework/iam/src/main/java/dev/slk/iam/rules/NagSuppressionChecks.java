package dev.slk.iam.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Resource;
import dev.slk.iam.catalogue.ActionInfo;
import dev.slk.iam.policy.Policy;
import dev.slk.iam.policy.PolicyKind;
import dev.slk.iam.policy.PolicyValue;
import dev.slk.iam.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * cdk-nag suppression hygiene. cdk-nag's AwsSolutions-IAM5 reports each wildcard as {@code Action::s3:Get*} or
 * {@code Resource::<Bucket.Arn>/*}, the same notation as {@link PolicyValue#text()}; a suppression's
 * {@code applies_to} entries (strings or {@code {"regex": "/.../"}}) are compared with those strings.
 */
final class NagSuppressionChecks {
    private static final String IAM5 = "AwsSolutions-IAM5";

    private NagSuppressionChecks() {
    }

    static void check(Context ctx) {
        Map<Resource, List<Policy>> groups = groups(ctx.policies());
        groups.forEach((resource, policies) -> {
            JsonNode rules = resource.body().path("Metadata").path("cdk_nag").path("rules_to_suppress");
            List<String[]> wildcards = wildcards(policies);
            Policy anchor = policies.get(0);
            for (int i = 0; i < rules.size(); i++) {
                JsonNode rule = rules.get(i);
                if (!IAM5.equals(rule.path("id").asText())) {
                    continue;
                }
                JsonNode appliesTo = rule.has("applies_to") ? rule.path("applies_to") : rule.path("appliesTo");
                for (int j = 0; j < appliesTo.size(); j++) {
                    JsonNode entry = appliesTo.get(j);
                    Pattern pattern = pattern(entry);
                    if (pattern == null) {
                        continue;
                    }
                    String pointer = "/Metadata/cdk_nag/rules_to_suppress/" + i + "/applies_to/" + j;
                    List<String[]> covered = wildcards.stream().filter(w -> pattern.matcher(w[0]).matches()).toList();
                    if (covered.isEmpty()) {
                        ctx.report(IamRules.NAG_STALE, anchor, resource, pointer, "the IAM5 suppression entry "
                                + entry + " of " + resource.logicalId() + " matches no wildcard of its policies", entry.toString());
                        continue;
                    }
                    List<String> risky = new ArrayList<>();
                    for (String[] w : covered) {
                        if (w[0].startsWith("Action::")) {
                            ctx.catalogue().expand(w[0].substring("Action::".length())).stream()
                                    .filter(NagSuppressionChecks::risky).map(ActionInfo::fullName)
                                    .filter(n -> !risky.contains(n)).forEach(risky::add);
                        }
                    }
                    if (!risky.isEmpty()) {
                        ctx.report(IamRules.NAG_HIDES_RISK, anchor, resource, pointer, "the IAM5 suppression entry "
                                + entry + " of " + resource.logicalId() + " hides a wildcard that grants "
                                + String.join(", ", risky.size() > 5 ? risky.subList(0, 5) : risky)
                                + (risky.size() > 5 ? " and " + (risky.size() - 5) + " more" : ""), entry.toString());
                    }
                }
            }
        });
    }

    private static boolean risky(ActionInfo a) {
        String name = a.fullName().toLowerCase(Locale.ROOT);
        return a.level() == dev.slk.iam.catalogue.AccessLevel.PERMISSIONS_MANAGEMENT
                || ActionSets.CREDENTIALS.contains(name)
                || ActionSets.ESCALATIONS.stream().anyMatch(set -> set.size() == 1 && set.contains(name));
    }

    /** Each resource carrying suppressions with the identity policies its suppressions cover: its own and its role's. */
    private static Map<Resource, List<Policy>> groups(List<Policy> policies) {
        Map<Resource, List<Policy>> out = new LinkedHashMap<>();
        for (Policy p : policies) {
            if (p.kind() != PolicyKind.IDENTITY) {
                continue;
            }
            List<Resource> related = new ArrayList<>(p.principals());
            related.add(p.holder());
            for (Resource r : related) {
                if (r.body().path("Metadata").path("cdk_nag").path("rules_to_suppress").isArray()) {
                    List<Policy> list = out.computeIfAbsent(r, k -> new ArrayList<>());
                    if (!list.contains(p)) {
                        list.add(p);
                    }
                }
            }
        }
        // A policy's suppressions also cover the other policies of the roles it is attached to.
        for (Policy p : policies) {
            if (p.kind() == PolicyKind.IDENTITY && out.containsKey(p.holder())) {
                for (Policy other : policies) {
                    if (other.kind() == PolicyKind.IDENTITY && !out.get(p.holder()).contains(other)
                            && other.principals().stream().anyMatch(p.principals()::contains)) {
                        out.get(p.holder()).add(other);
                    }
                }
            }
        }
        return out;
    }

    /** @return every wildcard string cdk-nag would report for the policies, as {kind::text} */
    private static List<String[]> wildcards(List<Policy> policies) {
        List<String[]> out = new ArrayList<>();
        for (Policy p : policies) {
            for (Statement s : p.statements()) {
                if (!s.allow()) {
                    continue;
                }
                for (PolicyValue a : s.actions()) {
                    if (a.text().contains("*")) {
                        out.add(new String[] {"Action::" + a.text()});
                    }
                }
                for (PolicyValue r : s.resources()) {
                    if (r.text().contains("*")) {
                        out.add(new String[] {"Resource::" + r.text()});
                    }
                }
            }
        }
        return out;
    }

    /** @return the entry as a pattern: a literal string, or a JavaScript-style {@code /regex/flags} */
    private static Pattern pattern(JsonNode entry) {
        if (entry.isTextual()) {
            return Pattern.compile(Pattern.quote(entry.asText()));
        }
        String regex = entry.path("regex").asText("");
        int end = regex.lastIndexOf('/');
        if (!regex.startsWith("/") || end <= 0) {
            return null;
        }
        try {
            int flags = regex.substring(end + 1).contains("i") ? Pattern.CASE_INSENSITIVE : 0;
            return Pattern.compile(".*(?:" + regex.substring(1, end) + ").*", flags);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
