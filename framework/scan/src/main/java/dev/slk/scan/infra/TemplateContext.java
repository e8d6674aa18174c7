package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Output;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** One template being checked, and the findings for it. */
final class TemplateContext {
    private final StackTemplate template;
    private final String path;
    private final boolean production;
    private final List<Finding> findings = new ArrayList<>();

    TemplateContext(StackTemplate template, String path, boolean production) {
        this.template = template;
        this.path = path;
        this.production = production;
    }

    StackTemplate template() {
        return template;
    }

    boolean production() {
        return production;
    }

    List<Finding> findings() {
        return findings;
    }

    /** @return the resources of the given type, in file order */
    List<Resource> resourcesOfType(String type) {
        return template.resourcesOfType(type);
    }

    /** Adds a finding located at the resource's logical-id key and attributed to the module that owns it. */
    void report(Rule rule, Resource resource, String message, String redacted, String... idParts) {
        ResourceLocation at = new ResourceLocation(new SourceLocation(path, resource.line(), resource.column()),
                template.stackName(), resource.logicalId(), resource.constructPath());
        findings.add(InfraFindings.at(rule, at, message, redacted, resource.owner().moduleId().orElse(null),
                parts(resource.logicalId(), idParts)));
    }

    /** Adds a finding located at the output's key; outputs are the stack's, no module's. */
    void report(Rule rule, Output output, String message, String redacted, String... idParts) {
        add(rule, output.logicalId(), output.line(), output.column(), message, redacted, null, idParts);
    }

    private void add(Rule rule, String logicalId, int line, int column, String message, String redacted,
            String module, String... idParts) {
        findings.add(InfraFindings.of(rule, path, line, column, message, redacted, module, parts(logicalId, idParts)));
    }

    private static String[] parts(String logicalId, String... idParts) {
        String[] parts = new String[idParts.length + 1];
        parts[0] = logicalId;
        System.arraycopy(idParts, 0, parts, 1, idParts.length);
        return parts;
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
}
