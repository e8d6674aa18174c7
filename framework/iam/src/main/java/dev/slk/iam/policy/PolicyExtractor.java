package dev.slk.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
import dev.slk.iam.catalogue.ManagedPolicies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds every policy of a template: role, user and group inline policies, {@code AWS::IAM::Policy} and
 * {@code ManagedPolicy}, AWS managed policies attached by ARN (expanded from the bundled data), trust
 * policies, and the resource policies of queues, topics, keys, buckets, secrets and Lambda permissions.
 */
public final class PolicyExtractor {
    /** Resource-policy holders: type, property with the document, property naming the governed resources, their type. */
    private record Holder(String documentProperty, String governedProperty, String governedType) {
    }

    private static final Map<String, Holder> RESOURCE_POLICIES = Map.of(
            "AWS::SQS::QueuePolicy", new Holder("PolicyDocument", "Queues", "AWS::SQS::Queue"),
            "AWS::SNS::TopicPolicy", new Holder("PolicyDocument", "Topics", "AWS::SNS::Topic"),
            "AWS::S3::BucketPolicy", new Holder("PolicyDocument", "Bucket", "AWS::S3::Bucket"),
            "AWS::SecretsManager::ResourcePolicy", new Holder("ResourcePolicy", "SecretId", "AWS::SecretsManager::Secret"),
            "AWS::KMS::Key", new Holder("KeyPolicy", "", "AWS::KMS::Key"));

    private final Supplier<ManagedPolicies> managed;

    /** @param managed the AWS managed policies, loaded only when a template attaches one */
    public PolicyExtractor(Supplier<ManagedPolicies> managed) {
        this.managed = managed;
    }

    /**
     * @param stack a template
     * @param notices receives what could not be read (e.g. a managed policy slk does not know)
     * @return its policies, in resource order
     */
    public List<Policy> extract(StackTemplate stack, List<String> notices) {
        Map<String, List<Resource>> attachedManaged = managedAttachments(stack);
        List<Policy> out = new ArrayList<>();
        for (Resource r : stack.resources().values()) {
            JsonNode p = r.properties();
            switch (r.type()) {
                case "AWS::IAM::Role" -> {
                    out.add(policy(PolicyKind.TRUST, stack, r, "/Properties/AssumeRolePolicyDocument",
                            p.path("AssumeRolePolicyDocument"), List.of(), List.of(r), "AWS::IAM::AssumeRolePolicyDocument", ""));
                    inline(stack, r, out);
                    managedArns(stack, r, out, notices);
                }
                case "AWS::IAM::User", "AWS::IAM::Group" -> {
                    inline(stack, r, out);
                    managedArns(stack, r, out, notices);
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
                    List<Resource> principals = new ArrayList<>();
                    for (String property : List.of("Roles", "Users", "Groups")) {
                        principals.addAll(stack.referencedResources(p.path(property)));
                    }
                    attachedManaged.getOrDefault(r.logicalId(), List.of()).stream()
                            .filter(x -> !principals.contains(x)).forEach(principals::add);
                    out.add(policy(PolicyKind.IDENTITY, stack, r, "/Properties/PolicyDocument", p.path("PolicyDocument"),
                            principals, List.of(), "", ""));
                }
                case "AWS::Lambda::Permission" -> out.add(policy(PolicyKind.RESOURCE, stack, r, "/Properties",
                        lambdaPermission(p), List.of(), stack.referencedResources(p.path("FunctionName")),
                        "AWS::Lambda::Function", ""));
                default -> {
                    Holder h = RESOURCE_POLICIES.get(r.type());
                    if (h != null && p.has(h.documentProperty())) {
                        List<Resource> governed = h.governedProperty().isEmpty() ? List.of(r)
                                : stack.referencedResources(p.path(h.governedProperty()));
                        out.add(policy(PolicyKind.RESOURCE, stack, r, "/Properties/" + h.documentProperty(),
                                p.path(h.documentProperty()), List.of(), governed, h.governedType(), ""));
                    }
                }
            }
        }
        return out;
    }

    private static void inline(StackTemplate stack, Resource r, List<Policy> out) {
        JsonNode policies = r.properties().path("Policies");
        for (int i = 0; i < policies.size(); i++) {
            out.add(policy(PolicyKind.IDENTITY, stack, r, "/Properties/Policies/" + i + "/PolicyDocument",
                    policies.get(i).path("PolicyDocument"), List.of(r), List.of(), "", ""));
        }
    }

    private void managedArns(StackTemplate stack, Resource r, List<Policy> out, List<String> notices) {
        JsonNode arns = r.properties().path("ManagedPolicyArns");
        for (int i = 0; i < arns.size(); i++) {
            PolicyValue arn = Values.resolve(arns.get(i), stack);
            if (!arn.targets().isEmpty()) {
                continue; // a ManagedPolicy of this template, read as its own resource
            }
            String pointer = "/Properties/ManagedPolicyArns/" + i;
            if (!arn.sample().contains(":iam::aws:policy/")) {
                notices.add(stack.file() + ": " + r.logicalId() + " attaches " + arn.text()
                        + ", a managed policy outside the template; it is not analysed");
                continue;
            }
            var document = managed.get().document(arn.sample());
            if (document.isEmpty()) {
                notices.add(stack.file() + ": " + r.logicalId() + " attaches " + arn.text()
                        + ", which the bundled AWS managed policies do not list; it is not analysed");
                continue;
            }
            String name = arn.sample().substring(arn.sample().indexOf(":iam::aws:policy/") + ":iam::aws:policy/".length());
            out.add(policy(PolicyKind.IDENTITY, stack, r, pointer, document.get(), List.of(r), List.of(), "", name));
        }
    }

    /** @return ManagedPolicy logical id to the roles that name it in their ManagedPolicyArns */
    private static Map<String, List<Resource>> managedAttachments(StackTemplate stack) {
        Map<String, List<Resource>> out = new LinkedHashMap<>();
        for (Resource r : stack.resources().values()) {
            for (Resource m : stack.referencedResources(r.properties().path("ManagedPolicyArns"))) {
                out.computeIfAbsent(m.logicalId(), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    /** A Lambda permission as the one statement it adds to the function's resource policy. */
    private static JsonNode lambdaPermission(JsonNode p) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode statement = f.objectNode();
        statement.put("Effect", "Allow");
        JsonNode principal = p.path("Principal");
        boolean service = principal.isTextual() && principal.asText().endsWith(".amazonaws.com");
        statement.putObject("Principal").set(service ? "Service" : "AWS", principal.deepCopy());
        statement.set("Action", p.path("Action").deepCopy());
        statement.set("Resource", p.path("FunctionName").deepCopy());
        ObjectNode condition = f.objectNode();
        if (p.has("SourceArn")) {
            condition.putObject("ArnLike").set("aws:SourceArn", p.get("SourceArn").deepCopy());
        }
        if (p.has("SourceAccount")) {
            condition.putObject("StringEquals").set("aws:SourceAccount", p.get("SourceAccount").deepCopy());
        }
        if (p.has("PrincipalOrgID")) {
            ObjectNode equals = condition.has("StringEquals") ? (ObjectNode) condition.get("StringEquals")
                    : condition.putObject("StringEquals");
            equals.set("aws:PrincipalOrgID", p.get("PrincipalOrgID").deepCopy());
        }
        if (!condition.isEmpty()) {
            statement.set("Condition", condition);
        }
        ObjectNode document = f.objectNode();
        document.put("Version", "2012-10-17");
        document.putArray("Statement").add(statement);
        return document;
    }

    private static Policy policy(PolicyKind kind, StackTemplate stack, Resource holder, String pointer, JsonNode document,
            List<Resource> principals, List<Resource> governed, String resourceType, String managedPolicy) {
        return new Policy(kind, stack, holder, pointer, document, principals, governed, resourceType, managedPolicy,
                statements(document, pointer, stack));
    }

    /** A document's statements; anything that is not a statement object is left to the structure rule. */
    static List<Statement> statements(JsonNode document, String pointer, StackTemplate stack) {
        JsonNode list = document.path("Statement");
        List<Statement> out = new ArrayList<>();
        if (list.isObject()) {
            out.add(statement(0, pointer + "/Statement", list, stack));
        } else if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isObject()) {
                    out.add(statement(i, pointer + "/Statement/" + i, list.get(i), stack));
                }
            }
        }
        return out;
    }

    private static Statement statement(int index, String pointer, JsonNode s, StackTemplate stack) {
        return new Statement(index, pointer, s, s.path("Sid").asText(""), "Allow".equals(s.path("Effect").asText()),
                Values.resolveAll(s.get("Action"), stack), Values.resolveAll(s.get("NotAction"), stack),
                Values.resolveAll(s.get("Resource"), stack), Values.resolveAll(s.get("NotResource"), stack),
                s.path("Condition"));
    }
}
