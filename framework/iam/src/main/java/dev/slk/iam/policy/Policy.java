package dev.slk.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Owner;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
import java.util.List;

/**
 * A policy document found in a template.
 *
 * @param kind what it governs
 * @param stack the template holding it
 * @param holder the resource in whose body it is written
 * @param pointer JSON pointer of the document within the holder's body; for an expanded AWS managed policy, of the ARN
 * @param document the document; for an AWS managed policy, its default version from the bundled data
 * @param principals for identity policies, the roles, users and groups it is attached to
 * @param governed for resource policies, the resources it protects; for trust policies, the role
 * @param resourceType for resource policies, the type of the governed resources (e.g. {@code AWS::SQS::Queue})
 * @param managedPolicy for an expanded AWS managed policy, its name (e.g. {@code service-role/AWSLambdaBasicExecutionRole}), else ""
 * @param statements its statements, resolved
 */
public record Policy(PolicyKind kind, StackTemplate stack, Resource holder, String pointer, JsonNode document,
        List<Resource> principals, List<Resource> governed, String resourceType, String managedPolicy,
        List<Statement> statements) {
    /** Copies the lists. */
    public Policy {
        principals = List.copyOf(principals);
        governed = List.copyOf(governed);
        statements = List.copyOf(statements);
    }

    /**
     * @return who the policy belongs to: the module that owns the holder; else, for an identity policy, the
     *     owner of the first principal it is attached to, for a resource policy that of the first governed resource
     */
    public Owner owner() {
        if (holder.owner() instanceof Owner.Module) {
            return holder.owner();
        }
        List<Resource> others = kind == PolicyKind.IDENTITY ? principals : governed;
        return others.stream().map(Resource::owner).filter(o -> o instanceof Owner.Module).findFirst()
                .orElse(holder.owner());
    }

    /** @return e.g. {@code the inline policy of role OktaRole}, for messages */
    public String describe() {
        String where = holder.type() + " " + holder.logicalId();
        return switch (kind) {
            case TRUST -> "trust policy of " + where;
            case RESOURCE -> "resource policy " + where;
            case IDENTITY -> managedPolicy.isEmpty() ? "policy " + where : "AWS managed policy " + managedPolicy + " on " + where;
        };
    }
}
