package dev.slk.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One statement of a policy, its strings resolved.
 *
 * @param index its position in the policy's statement list, from 0
 * @param pointer JSON pointer of the statement within its holder resource's body
 * @param node the statement as written
 * @param sid its Sid, or "" when it has none
 * @param allow whether its Effect is Allow (false for Deny and for anything malformed)
 * @param actions its Action entries (empty when it uses NotAction)
 * @param notActions its NotAction entries
 * @param resources its Resource entries
 * @param notResources its NotResource entries
 * @param condition its Condition block, or a missing node
 */
public record Statement(int index, String pointer, JsonNode node, String sid, boolean allow, List<PolicyValue> actions,
        List<PolicyValue> notActions, List<PolicyValue> resources, List<PolicyValue> notResources, JsonNode condition) {
    /** Copies the lists. */
    public Statement {
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
    }

    /** @return whether it has a condition */
    public boolean conditional() {
        return condition.isObject() && !condition.isEmpty();
    }

    /** @return whether the condition names this key (any operator, any case) */
    public boolean conditionHasKey(String key) {
        if (!condition.isObject()) {
            return false;
        }
        for (JsonNode keys : condition) {
            for (var it = keys.fieldNames(); it.hasNext();) {
                if (it.next().equalsIgnoreCase(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the Principal block, or a missing node */
    public JsonNode principal() {
        return node.path("Principal");
    }
}
