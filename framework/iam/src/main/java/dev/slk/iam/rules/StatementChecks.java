package dev.slk.iam.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Owner;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ActionInfo;
import dev.slk.iam.catalogue.ConditionKey;
import dev.slk.iam.catalogue.ResourceType;
import dev.slk.iam.catalogue.ServiceInfo;
import dev.slk.iam.policy.Policy;
import dev.slk.iam.policy.PolicyKind;
import dev.slk.iam.policy.PolicyValue;
import dev.slk.iam.policy.Statement;
import dev.slk.iam.policy.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The rules that read one policy at a time: structure, catalogue, resources, wildcards, sensitive actions, owners. */
final class StatementChecks {
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");

    private StatementChecks() {
    }

    static void check(Policy policy, Context ctx) {
        structure(policy, ctx);
        for (Statement s : policy.statements()) {
            Actions actions = Actions.of(s.actions(), ctx.catalogue());
            catalogue(policy, s, actions, ctx);
            conditions(policy, s, actions, ctx);
            if (!s.allow()) {
                continue;
            }
            notAction(policy, s, ctx);
            if (policy.kind() == PolicyKind.IDENTITY) {
                identity(policy, s, actions, ctx);
            }
            if (policy.kind() != PolicyKind.TRUST) {
                mismatch(policy, s, actions, ctx);
            }
        }
    }

    private static void structure(Policy policy, Context ctx) {
        JsonNode doc = policy.document();
        String p = policy.pointer();
        if (!doc.isObject() || !(doc.path("Statement").isArray() || doc.path("Statement").isObject())) {
            ctx.report(IamRules.MALFORMED, policy, p, "the " + policy.describe() + " has no Statement list", "document");
            return;
        }
        String version = doc.path("Version").asText("");
        if (!version.equals("2012-10-17")) {
            ctx.report(IamRules.VERSION, policy, p + "/Version", "the " + policy.describe()
                    + (version.isEmpty() ? " has no Version" : " has Version " + version) + "; policy variables need 2012-10-17",
                    version);
        }
        JsonNode list = doc.path("Statement");
        for (int i = 0; i < list.size() || (list.isObject() && i == 0); i++) {
            JsonNode s = list.isObject() ? list : list.get(i);
            if (!s.isObject()) {
                ctx.report(IamRules.MALFORMED, policy, p + "/Statement/" + i, "statement " + i + " of the "
                        + policy.describe() + " is not an object", "statement-" + i);
            }
        }
        Set<String> sids = new HashSet<>();
        for (Statement s : policy.statements()) {
            String at = s.pointer();
            List<String> problems = new ArrayList<>();
            String effect = s.node().path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                problems.add(effect.isEmpty() ? "no Effect" : "Effect " + effect + " (Allow or Deny)");
            }
            if (s.node().has("Action") == s.node().has("NotAction")) {
                problems.add(s.node().has("Action") ? "both Action and NotAction" : "no Action or NotAction");
            }
            boolean trust = policy.kind() == PolicyKind.TRUST;
            if (!trust && s.node().has("Resource") == s.node().has("NotResource")) {
                problems.add(s.node().has("Resource") ? "both Resource and NotResource" : "no Resource or NotResource");
            }
            if (policy.kind() != PolicyKind.IDENTITY && !s.node().has("Principal") && !s.node().has("NotPrincipal")) {
                problems.add("no Principal");
            }
            if (policy.kind() == PolicyKind.IDENTITY && (s.node().has("Principal") || s.node().has("NotPrincipal"))) {
                problems.add("a Principal, which identity policies cannot have");
            }
            s.node().fieldNames().forEachRemaining(k -> {
                if (!STATEMENT_KEYS.contains(k)) {
                    problems.add("an unknown element " + k);
                }
            });
            if (!problems.isEmpty()) {
                ctx.report(IamRules.MALFORMED, policy, at, "statement " + label(s) + " of the " + policy.describe()
                        + " has " + String.join(", ", problems), String.join(",", problems));
            }
            if (!s.sid().isEmpty() && !SID.matcher(s.sid()).matches()) {
                ctx.report(IamRules.INVALID_SID, policy, at + "/Sid", "Sid '" + s.sid() + "' of the " + policy.describe()
                        + " holds characters other than letters and digits; IAM refuses it at deployment", s.sid());
            }
            if (!s.sid().isEmpty() && !sids.add(s.sid())) {
                ctx.report(IamRules.DUPLICATE_SID, policy, at + "/Sid", "Sid '" + s.sid() + "' appears twice in the "
                        + policy.describe(), s.sid());
            }
        }
    }

    private static void catalogue(Policy policy, Statement s, Actions actions, Context ctx) {
        for (String unknown : actions.unknownServices()) {
            int colon = unknown.indexOf(':');
            String prefix = colon > 0 ? unknown.substring(0, colon) : unknown;
            Optional<String> close = ctx.catalogue().closestService(prefix);
            ctx.report(IamRules.UNKNOWN_SERVICE, policy, s.pointer() + "/Action", "statement " + label(s) + " names "
                    + unknown + ": AWS has no service prefix '" + prefix + "'"
                    + close.map(c -> "; did you mean '" + c + "'?").orElse(""), unknown);
        }
        for (String unknown : actions.unknownActions()) {
            List<String> near = ctx.catalogue().suggestions(unknown);
            ctx.report(IamRules.UNKNOWN_ACTION, policy, s.pointer() + "/Action", "statement " + label(s) + " names "
                    + unknown + ", which " + unknown.substring(0, unknown.indexOf(':')) + " does not have"
                    + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?"), unknown);
        }
    }

    private static void conditions(Policy policy, Statement s, Actions actions, Context ctx) {
        if (!s.condition().isObject()) {
            return;
        }
        List<ActionInfo> all = actions.all();
        for (Map.Entry<String, JsonNode> operator : s.condition().properties()) {
            String op = operator.getKey();
            String family = family(op);
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                String written = key.getKey();
                Optional<ConditionKey> known = known(written, all, actions.hasStar(), ctx.catalogue());
                if (known.isEmpty()) {
                    if (!all.isEmpty() && !actions.hasStar()) {
                        ctx.report(IamRules.UNKNOWN_CONDITION_KEY, policy, s.pointer() + "/Condition/" + op,
                                "condition key " + written + " of statement " + label(s) + " is neither global nor supported by "
                                        + names(all), written);
                    }
                    continue;
                }
                String type = known.get().elementType();
                if (family != null && !fits(family, type)) {
                    ctx.report(IamRules.CONDITION_TYPE, policy, s.pointer() + "/Condition/" + op, "operator " + op
                            + " does not fit " + written + ", whose values are " + known.get().type(), op + "|" + written);
                }
            }
        }
    }

    private static Optional<ConditionKey> known(String written, List<ActionInfo> actions, boolean star,
            ActionCatalogue catalogue) {
        Optional<ConditionKey> global = catalogue.globalKey(written);
        if (global.isPresent()) {
            return global;
        }
        if (star || actions.isEmpty()) {
            return catalogue.anyKey(written);
        }
        for (ActionInfo a : actions) {
            Optional<ConditionKey> k = catalogue.keyFor(written, a);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    /** @return the operator's type family, or null for Null and operators slk does not know */
    private static String family(String operator) {
        String op = operator.replaceFirst("^For(All|Any)Values:", "").replaceFirst("IfExists$", "");
        if (op.startsWith("String")) {
            return "String";
        }
        if (op.startsWith("Numeric")) {
            return "Numeric";
        }
        if (op.startsWith("Date")) {
            return "Date";
        }
        if (op.startsWith("Arn")) {
            return "ARN";
        }
        if (op.equals("Bool")) {
            return "Bool";
        }
        if (op.endsWith("IpAddress")) {
            return "IPAddress";
        }
        return op.equals("BinaryEquals") ? "Binary" : null;
    }

    /** String and ARN operators both read text keys (an ARN key may be compared as a string, a string may hold an ARN). */
    private static boolean fits(String family, String type) {
        return switch (family) {
            case "String", "ARN" -> type.equals("String") || type.equals("ARN");
            default -> family.equals(type);
        };
    }

    private static void notAction(Policy policy, Statement s, Context ctx) {
        if (!s.notActions().isEmpty() || !s.notResources().isEmpty()) {
            String what = !s.notActions().isEmpty() ? "NotAction" : "NotResource";
            ctx.report(IamRules.NOT_ACTION, policy, s.pointer() + "/" + what, "statement " + label(s) + " of the "
                    + policy.describe() + " allows with " + what + ": everything except what it lists", what);
        }
    }

    private static void identity(Policy policy, Statement s, Actions actions, Context ctx) {
        for (String entry : actions.byEntry().keySet()) {
            if (entry.equals("*") || entry.endsWith(":*")) {
                ctx.report(IamRules.WILDCARD_ACTION, policy, s.pointer() + "/Action", "statement " + label(s)
                        + " allows " + (entry.equals("*") ? "every action of every service" : "every action of "
                        + entry.substring(0, entry.length() - 2)) + " (\"" + entry + "\")", entry);
            }
        }
        List<PolicyValue> broad = s.resources().stream().filter(StatementChecks::broad).toList();
        if (!broad.isEmpty()) {
            wildcardResource(policy, s, actions, broad, ctx);
        }
        passRole(policy, s, actions, ctx);
        crossModule(policy, s, ctx);
    }

    private static void wildcardResource(Policy policy, Statement s, Actions actions, List<PolicyValue> broad,
            Context ctx) {
        List<ActionInfo> restrictable = actions.all().stream().filter(ActionInfo::takesResources).toList();
        Set<ActionInfo> told = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String on = broad.stream().map(PolicyValue::text).collect(Collectors.joining(", "));
        told.addAll(sensitive(policy, s, restrictable, ActionSets.KMS_DATA, IamRules.KMS_WILDCARD, on, ctx));
        told.addAll(sensitive(policy, s, restrictable, ActionSets.CREDENTIALS, IamRules.CREDENTIALS_EXPOSURE, on, ctx));
        told.addAll(sensitive(policy, s, restrictable, ActionSets.EXFILTRATION, IamRules.DATA_EXFILTRATION, on, ctx));
        List<ActionInfo> management = restrictable.stream()
                .filter(a -> a.level() == dev.slk.iam.catalogue.AccessLevel.PERMISSIONS_MANAGEMENT && !told.contains(a))
                .toList();
        if (!management.isEmpty()) {
            told.addAll(management);
            ctx.report(IamRules.PERMISSIONS_MANAGEMENT, policy, s.pointer() + "/Resource", "statement " + label(s)
                    + " allows permissions management " + names(management) + " on " + on, "pm|" + names(management));
        }
        List<ActionInfo> rest = restrictable.stream().filter(a -> !told.contains(a)
                && !a.fullName().equalsIgnoreCase("iam:PassRole")).toList();
        if (!rest.isEmpty() && !actions.hasStar()) {
            ctx.report(IamRules.WILDCARD_RESOURCE, policy, s.pointer() + "/Resource", "statement " + label(s)
                    + " allows " + names(rest) + " on " + on + ", though " + (rest.size() == 1 ? "it" : "they")
                    + " can be scoped to resources", on + "|" + names(rest));
        }
    }

    private static List<ActionInfo> sensitive(Policy policy, Statement s, List<ActionInfo> restrictable, Set<String> set,
            dev.slk.core.findings.Rule rule, String on, Context ctx) {
        List<ActionInfo> hit = restrictable.stream()
                .filter(a -> set.contains(a.fullName().toLowerCase(Locale.ROOT))).toList();
        if (!hit.isEmpty()) {
            ctx.report(rule, policy, s.pointer() + "/Resource", "statement " + label(s) + " allows " + names(hit)
                    + " on " + on, on + "|" + names(hit));
        }
        return hit;
    }

    private static void passRole(Policy policy, Statement s, Actions actions, Context ctx) {
        boolean passes = actions.all().stream().anyMatch(a -> a.fullName().equalsIgnoreCase("iam:PassRole"));
        if (!passes) {
            return;
        }
        boolean anyRole = s.resources().stream().anyMatch(StatementChecks::broad);
        boolean service = s.conditionHasKey("iam:PassedToService");
        if (anyRole) {
            ctx.report(IamRules.PASS_ROLE, policy, s.pointer(), "statement " + label(s) + " allows iam:PassRole on "
                    + texts(s.resources().stream().filter(StatementChecks::broad).toList())
                    + (service ? "" : ", without an iam:PassedToService condition"), "passrole");
        } else if (!service) {
            ctx.report(IamRules.PASS_ROLE_NO_SERVICE, policy, s.pointer(), "statement " + label(s)
                    + " allows iam:PassRole on " + texts(s.resources()) + " without an iam:PassedToService condition",
                    "passrole-service");
        }
    }

    private static void crossModule(Policy policy, Statement s, Context ctx) {
        if (!(policy.owner() instanceof Owner.Module own)) {
            return;
        }
        for (PolicyValue r : s.resources()) {
            for (Target t : r.targets()) {
                if (t.owner() instanceof Owner.Module other && !other.equals(own)) {
                    ctx.report(IamRules.CROSS_MODULE, policy, s.pointer() + "/Resource", "statement " + label(s)
                            + " of module " + own.id() + " grants " + texts(s.actions()) + " on " + t.describe(),
                            t.resource().logicalId());
                }
            }
        }
    }

    private static void mismatch(Policy policy, Statement s, Actions actions, Context ctx) {
        boolean anyStar = s.resources().stream().anyMatch(v -> v.isStar() || !v.resolved());
        List<String> mismatched = new ArrayList<>();
        for (ActionInfo a : actions.all()) {
            if (!a.takesResources()) {
                if (!anyStar && !s.resources().isEmpty()
                        && s.resources().stream().noneMatch(v -> v.sample().equals("*"))) {
                    mismatched.add(a.fullName() + " (it takes only \"*\")");
                }
                continue;
            }
            if (anyStar || s.resources().isEmpty()) {
                continue;
            }
            ServiceInfo service = ctx.catalogue().service(a.service()).orElseThrow();
            boolean fits = false;
            for (ActionInfo.ResourceTypeUse use : a.resourceTypes()) {
                ResourceType type = service.resourceTypes().get(use.name());
                if (type == null) {
                    fits = true; // a type of another service's format: not judged
                    break;
                }
                if (s.resources().stream().anyMatch(v -> type.canMatch(v.sample()))) {
                    fits = true;
                    break;
                }
            }
            if (!fits) {
                mismatched.add(a.fullName());
            }
        }
        // An action pattern whose every expansion mismatches is told as the pattern, once.
        if (!mismatched.isEmpty() && mismatched.size() <= 12) {
            ctx.report(IamRules.RESOURCE_MISMATCH, policy, s.pointer() + "/Resource", "statement " + label(s) + ": "
                    + String.join(", ", mismatched) + " cannot apply to " + texts(s.resources()),
                    String.join(",", mismatched));
        } else if (!mismatched.isEmpty()) {
            ctx.report(IamRules.RESOURCE_MISMATCH, policy, s.pointer() + "/Resource", "statement " + label(s) + ": "
                    + mismatched.size() + " of its actions cannot apply to " + texts(s.resources()), "many");
        }
    }

    /**
     * @return whether a resource is "*" or an account-wide wildcard ARN: not a reference to the template's
     *     resources, not a literal name or name prefix
     */
    static boolean broad(PolicyValue v) {
        if (v.isStar()) {
            return true;
        }
        if (!v.targets().isEmpty() || !v.hasWildcard()) {
            return false;
        }
        String[] parts = v.text().split(":", 6);
        if (parts.length < 6) {
            return v.text().startsWith("*");
        }
        String resource = parts[5].replaceFirst("^[A-Za-z][A-Za-z0-9-]*[/:]", "");
        return resource.startsWith("*") || parts[2].contains("*");
    }

    static String label(Statement s) {
        return s.sid().isEmpty() ? "#" + s.index() : s.sid();
    }

    static String names(List<ActionInfo> actions) {
        List<String> names = actions.stream().map(ActionInfo::fullName).toList();
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    static String texts(List<PolicyValue> values) {
        return values.stream().map(PolicyValue::text).collect(Collectors.joining(", "));
    }
}
