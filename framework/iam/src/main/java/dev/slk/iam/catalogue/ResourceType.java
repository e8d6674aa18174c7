package dev.slk.iam.catalogue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A resource type of a service.
 *
 * @param name its key, e.g. {@code queue}
 * @param arnPattern its ARN format, e.g. {@code arn:${Partition}:sqs:${Region}:${Account}:${QueueName}}
 * @param conditionKeys condition keys that apply to it
 */
public record ResourceType(String name, String arnPattern, List<String> conditionKeys) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

    /** Copies the list. */
    public ResourceType {
        conditionKeys = List.copyOf(conditionKeys);
    }

    /**
     * @param arn an ARN as a policy states it, {@code *} and {@code ?} being wildcards
     * @return whether some ARN fits both the format (each variable any text) and the policy's ARN
     */
    public boolean canMatch(String arn) {
        return Arns.intersect(VARIABLE.matcher(arnPattern).replaceAll("*"), arn);
    }
}
