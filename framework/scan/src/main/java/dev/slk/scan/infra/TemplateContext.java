package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One template being checked, and the findings for it. */
final class TemplateContext {
    private final CfnTemplate template;
    private final String path;
    private final boolean production;
    private final List<Finding> findings = new ArrayList<>();

    TemplateContext(CfnTemplate template, String path, boolean production) {
        this.template = template;
        this.path = path;
        this.production = production;
    }

    CfnTemplate template() {
        return template;
    }

    boolean production() {
        return production;
    }

    List<Finding> findings() {
        return findings;
    }

    /** @return the resources of the given type, in file order */
    List<CfnTemplate.Entry> resourcesOfType(String type) {
        return template.resources().values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Adds a finding located at the entry's logical-id key and attributed to the entry's module. */
    void report(Rule rule, CfnTemplate.Entry entry, String message, String redacted, String... idParts) {
        String[] parts = new String[idParts.length + 1];
        parts[0] = entry.logicalId();
        System.arraycopy(idParts, 0, parts, 1, idParts.length);
        findings.add(InfraFindings.of(rule, path, entry.line(), entry.column(), message, redacted,
                ModuleAttribution.moduleOf(entry.cdkPath()), parts));
    }

    /** @return true for JSON true and for the string "true", which CDK writes for some booleans */
    static boolean isTrue(JsonNode node) {
        return node.isBoolean() ? node.booleanValue() : node.isTextual() && node.asText().equalsIgnoreCase("true");
    }

    /** @return true for JSON false and the string "false" */
    static boolean isFalse(JsonNode node) {
        return node.isBoolean() ? !node.booleanValue() : node.isTextual() && node.asText().equalsIgnoreCase("false");
    }

    /** @return true when the property is present and not null */
    static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    /**
     * @return the logical ids a value points at through {@code Ref} or {@code Fn::GetAtt}, at any depth
     *     (so {@code Fn::Join} and {@code Fn::If} around them are seen through)
     */
    static Set<String> referencedIds(JsonNode value) {
        Set<String> ids = new HashSet<>();
        collectReferences(value, ids);
        return ids;
    }

    private static void collectReferences(JsonNode value, Set<String> ids) {
        if (value.isObject()) {
            JsonNode ref = value.get("Ref");
            if (ref != null && ref.isTextual()) {
                ids.add(ref.asText());
            }
            JsonNode getAtt = value.get("Fn::GetAtt");
            if (getAtt != null && getAtt.isArray() && getAtt.path(0).isTextual()) {
                ids.add(getAtt.path(0).asText());
            } else if (getAtt != null && getAtt.isTextual()) {
                // The short form "Id.Attribute".
                ids.add(getAtt.asText().split("\\.", 2)[0]);
            }
        }
        value.forEach(child -> collectReferences(child, ids));
    }
}
