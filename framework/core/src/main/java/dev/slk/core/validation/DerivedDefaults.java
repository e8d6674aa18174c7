package dev.slk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.config.ConfigKeys;

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
        JsonNode project = config.at(ConfigKeys.PROJECT_NAME);
        JsonNode environment = config.at(ConfigKeys.ENVIRONMENT);
        if (!(config.at(ConfigKeys.ENCRYPTION) instanceof ObjectNode encryption) || !project.isTextual()
                || !environment.isTextual()) {
            return;
        }
        String aliasKey = ConfigKeys.name(ConfigKeys.ENCRYPTION_KEY_ALIAS);
        JsonNode alias = encryption.get(aliasKey);
        if (alias == null || alias.isNull()) {
            encryption.put(aliasKey, project.asText() + "-" + environment.asText());
        }
    }
}
