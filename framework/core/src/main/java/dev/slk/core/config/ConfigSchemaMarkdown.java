package dev.slk.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.schema.JsonSchemaDocument;
import dev.slk.core.validation.OcsfEventClasses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@code docs/CONFIG_SCHEMA.md} from the project schema, so that the reference cannot
 * drift from what slk enforces (a test compares the two).
 */
public final class ConfigSchemaMarkdown {
    private ConfigSchemaMarkdown() {
    }

    /** @return the Markdown document */
    public static String render() {
        JsonSchemaDocument schema = ProjectSchema.document();
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n")
                .append("<!-- Generated from framework/core/src/main/resources").append(ProjectSchema.RESOURCE)
                .append(" by ConfigSchemaMarkdown. Do not edit: ConfigSchemaDocTest fails when this file and the schema")
                .append(" differ; regenerate with\n")
                .append("     mvn -q -pl framework/core -am test -Dtest=ConfigSchemaDocTest -Dsurefire.failIfNoSpecifiedTests=false")
                .append(" -Dslk.updateDocs=true -->\n\n")
                .append(schema.root().path("description").asText()).append("\n\n")
                .append("Every key not marked required has a default: leave it out and the default applies. ")
                .append("Unknown keys are errors. Keys marked *ignored* are accepted for compatibility with the reference ")
                .append("framework and reported as warnings. The rules a schema cannot express (names, regions, ")
                .append("Security Lake sources, Lambda limits, queue visibility, schedules, placeholders) are listed in ")
                .append("[validate-config.md](validate-config.md).\n\n")
                .append("| Key | Type | Default | Description and rules |\n")
                .append("|---|---|---|---|\n");
        rows(schema, schema.root(), "", md);
        md.append("\n## Environment overrides\n\n")
                .append("`development` applies when `environment` is `dev`; `production` applies when it is `staging` or ")
                .append("`prod` (staging rehearses the production deployment). Each key replaces one value:\n\n")
                .append("| Override key | Replaces |\n|---|---|\n");
        EnvironmentOverrides.targets().forEach((source, target) -> md.append("| `").append(dotted(source))
                .append("` | `").append(dotted(target)).append("` |\n"));
        md.append("\n## OCSF event classes\n\n")
                .append("Names accepted in `securityLake.OCSFEventClass[].eventClasses`:\n\n")
                .append("| Name | class_uid |\n|---|---|\n");
        OcsfEventClasses.byName().forEach((name, uid) -> md.append("| `").append(name).append("` | ").append(uid)
                .append(" |\n"));
        return md.toString();
    }

    private static void rows(JsonSchemaDocument schema, JsonNode node, String path, StringBuilder md) {
        JsonNode resolved = schema.resolve(node);
        Set<String> required = new HashSet<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> e : schema.properties(resolved).entrySet()) {
            JsonNode p = schema.resolve(e.getValue());
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            String description = e.getValue().path("description").asText(p.path("description").asText());
            md.append("| `").append(key).append("` | ").append(type(p)).append(" | ")
                    .append(p.has("default") ? "`" + p.get("default") + "`" : required.contains(e.getKey()) ? "required" : "")
                    .append(" | ").append(p.path("deprecated").asBoolean() ? "*ignored*: " : "")
                    .append(escape(description)).append(constraints(p)).append(" |\n");
            rows(schema, p, key, md);
            if (p.path("items").path("properties").isObject()) {
                rows(schema, p.get("items"), key + "[]", md);
            }
            JsonNode additional = p.path("additionalProperties");
            if (additional.isObject() && additional.has("properties")) {
                rows(schema, additional, key + ".<id>", md);
            }
        }
    }

    private static String type(JsonNode p) {
        JsonNode type = p.path("type");
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            return String.join(" or ", types);
        }
        if ("array".equals(type.asText()) && p.path("items").has("type")) {
            return "list of " + p.path("items").path("type").asText();
        }
        return type.isMissingNode() ? "any" : type.asText();
    }

    private static String constraints(JsonNode p) {
        List<String> rules = new ArrayList<>();
        if (p.has("enum")) {
            List<String> values = new ArrayList<>();
            p.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            rules.add("one of " + String.join(", ", values));
        }
        JsonNode items = p.path("items");
        if (items.has("enum")) {
            List<String> values = new ArrayList<>();
            items.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            rules.add("items one of " + String.join(", ", values));
        }
        if (p.has("minimum")) {
            rules.add("minimum " + p.get("minimum").asText());
        }
        if (p.has("maximum")) {
            rules.add("maximum " + p.get("maximum").asText());
        }
        if (p.has("multipleOf")) {
            rules.add("multiple of " + p.get("multipleOf").asText());
        }
        if (p.has("pattern")) {
            rules.add("matches `" + p.get("pattern").asText().replace("|", "\\|") + "`");
        }
        if (items.has("format") || p.has("format")) {
            rules.add("format " + p.path("format").asText(items.path("format").asText()));
        }
        if (p.has("minItems")) {
            rules.add("at least " + p.get("minItems").asText() + " item(s)");
        }
        if (p.path("uniqueItems").asBoolean()) {
            rules.add("no duplicates");
        }
        if (p.path("writeOnly").asBoolean()) {
            rules.add("secret: never printed whole");
        }
        return rules.isEmpty() ? "" : " Rules: " + String.join("; ", rules) + ".";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String dotted(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }
}
