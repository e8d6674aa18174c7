package dev.slk.iam.catalogue;

import java.util.List;

/**
 * One IAM action from the catalogue.
 *
 * @param service the service prefix, e.g. {@code sqs}
 * @param name the action's name, as AWS spells it, e.g. {@code SendMessage}
 * @param level its access level
 * @param resourceTypes the resource types it can be scoped to; empty when it takes only {@code *}
 * @param conditionKeys the service condition keys it supports (its own and its resource types')
 */
public record ActionInfo(String service, String name, AccessLevel level, List<ResourceTypeUse> resourceTypes,
        List<String> conditionKeys) {
    /** Copies the lists. */
    public ActionInfo {
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** @return {@code service:Name} */
    public String fullName() {
        return service + ":" + name;
    }

    /** @return whether a resource ARN can scope it; if not, only {@code "Resource": "*"} matches it */
    public boolean takesResources() {
        return !resourceTypes.isEmpty();
    }

    /**
     * One resource type an action names.
     *
     * @param name the type's key in its service, e.g. {@code queue}
     * @param required whether the reference marks it required
     */
    public record ResourceTypeUse(String name, boolean required) {
    }
}
