package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One target attribute of a mapping and the rule that fills it.
 *
 * @param target the dotted target path, e.g. {@code finding_info.uid}
 * @param rule the value rule
 */
record FieldRule(String target, ValueRule rule) {

    List<String> segments() {
        return List.of(target.split("\\."));
    }

    /** Sets the target in {@code out} when the rule yields a value. */
    void applyTo(ObjectNode out, JsonNode root, JsonNode current) throws ValueRule.RuleException {
        JsonNode value;
        try {
            value = rule.evaluate(root, current);
        } catch (ValueRule.RuleException e) {
            throw new ValueRule.RuleException(e.location(), target + ": " + e.getMessage());
        }
        if (value == null || value.isNull()) {
            return;
        }
        List<String> path = segments();
        ObjectNode node = out;
        for (String segment : path.subList(0, path.size() - 1)) {
            JsonNode child = node.get(segment);
            node = child instanceof ObjectNode o ? o : node.putObject(segment);
        }
        node.set(path.get(path.size() - 1), value);
    }
}
