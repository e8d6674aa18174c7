package dev.slk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Defaults that depend on other keys, which a JSON Schema {@code default} cannot state. They are
 * applied to the effective configuration, so the rules, the model and the template see them alike.
 */
final class DerivedDefaults {
    private DerivedDefaults() {
    }

    static void apply(ObjectNode config) {
        keyAlias(config);
    }

    /**
     * The shared key is customer-managed by default; so that the secure default works without
     * more typing, its alias defaults to {@code <projectName>-<environment>} (deployed as
     * {@code alias/<projectName>-<environment>}), unique per stack.
     */
    private static void keyAlias(ObjectNode config) {
        JsonNode project = config.path("projectName");
        JsonNode environment = config.path("environment");
        if (!(config.get("encryption") instanceof ObjectNode encryption) || !project.isTextual()
                || !environment.isTextual()) {
            return;
        }
        JsonNode alias = encryption.get("keyAlias");
        if (alias == null || alias.isNull()) {
            encryption.put("keyAlias", project.asText() + "-" + environment.asText());
        }
    }
}
