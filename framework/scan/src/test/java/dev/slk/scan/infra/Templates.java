package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Finding;
import java.nio.file.Path;
import java.util.List;

/** Builds small templates for the tests. */
final class Templates {
    static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {
    }

    /** @return {@code "<id>": {"Type": <type>, "Properties": <properties>}} with an optional cdk path */
    static String resource(String logicalId, String type, String properties, String cdkPath) {
        String metadata = cdkPath == null ? "" : ", \"Metadata\": {\"aws:cdk:path\": " + quote(cdkPath) + "}";
        return quote(logicalId) + ": {\"Type\": " + quote(type) + ", \"Properties\": " + properties + metadata + "}";
    }

    static String resource(String logicalId, String type, String properties) {
        return resource(logicalId, type, properties, null);
    }

    /** @return a template with one resource per line, from line 3 on */
    static String template(String... resources) {
        return "{\n  \"Resources\": {\n    " + String.join(",\n    ", resources) + "\n  }\n}\n";
    }

    /** @return a JSON string literal */
    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code {"<k1>": "<v1>", ...}} with the values quoted */
    static String object(String... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node.toString();
    }

    /** Writes the template and checks it, outside production. */
    static List<Finding> check(Path dir, String template) {
        return check(dir, template, false);
    }

    static List<Finding> check(Path dir, String template, boolean production) {
        Path file = Fakes.write(dir.resolve("Stack.template.json"), template);
        return TemplateRules.check(file, "cdk.out/Stack.template.json", production);
    }

    /** @return the findings of one rule */
    static List<Finding> only(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /**
     * @return the logical ids, among the candidates, that findings of the rule name in their
     *     message, sorted
     */
    static List<String> flagged(List<Finding> findings, String ruleId, String... candidates) {
        return java.util.Arrays.stream(candidates)
                .filter(id -> only(findings, ruleId).stream()
                        .anyMatch(f -> f.message().matches("(?s).*\\b" + java.util.regex.Pattern.quote(id) + "\\b.*")))
                .sorted()
                .toList();
    }
}
