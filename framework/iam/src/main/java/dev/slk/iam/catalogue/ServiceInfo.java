package dev.slk.iam.catalogue;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One service of the catalogue.
 *
 * @param prefix its action prefix, e.g. {@code sqs}
 * @param name its name, e.g. {@code Amazon SQS}
 * @param actions its actions by lower-case name
 * @param resourceTypes its resource types by key
 * @param conditionKeys its condition keys by lower-case name, with their types
 */
public record ServiceInfo(String prefix, String name, Map<String, ActionInfo> actions,
        Map<String, ResourceType> resourceTypes, Map<String, ConditionKey> conditionKeys) {
    /** Copies the maps. */
    public ServiceInfo {
        actions = Map.copyOf(actions);
        resourceTypes = Map.copyOf(resourceTypes);
        conditionKeys = Map.copyOf(conditionKeys);
    }

    /** @return the action of this name, any case (IAM action names are case-insensitive) */
    public Optional<ActionInfo> action(String actionName) {
        return Optional.ofNullable(actions.get(actionName.toLowerCase(Locale.ROOT)));
    }

    /** @return every action */
    public Collection<ActionInfo> allActions() {
        return actions.values();
    }
}
