package dev.slk.iam.policy;

import dev.slk.assembly.Owner;
import dev.slk.assembly.Resource;

/**
 * A resource of the template that a policy value names through {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub}.
 *
 * @param resource the resource
 * @param attribute the attribute ({@code Arn}...), "" for a {@code Ref}
 */
public record Target(Resource resource, String attribute) {
    /** @return who owns the resource */
    public Owner owner() {
        return resource.owner();
    }

    /** @return e.g. {@code AWS::SQS::Queue EventQueue (module okta-logs)} */
    public String describe() {
        return resource.type() + " " + resource.logicalId() + " (" + Values.ownerLabel(resource.owner()) + ")";
    }
}
