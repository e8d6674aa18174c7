package dev.slk.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies the {@code development} or {@code production} block to the rest of the config.
 *
 * <p>{@code dev} takes {@code development}; {@code prod} takes {@code production}; {@code staging}
 * also takes {@code production}, because staging exists to rehearse the production deployment
 * and should differ from it only in its account and names.
 */
public final class EnvironmentOverrides {
    /** Override key to the pointer it replaces. */
    private static final Map<String, String> TARGETS = orderedTargets();

    private EnvironmentOverrides() {
    }

    private static Map<String, String> orderedTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("/encryptionKeyType", ConfigKeys.ENCRYPTION_KEY_TYPE);
        targets.put("/reservedConcurrentExecutions/transformationLambda",
                ConfigKeys.child(ConfigKeys.EVENT_TRANSFORMER, ConfigKeys.Lambda.RESERVED_CONCURRENCY));
        targets.put("/reservedConcurrentExecutions/securityHubProcessor",
                ConfigKeys.child(ConfigKeys.SECURITY_HUB_PROCESSOR, ConfigKeys.Lambda.RESERVED_CONCURRENCY));
        return java.util.Collections.unmodifiableMap(targets);
    }

    /** @return override key (pointer within the block) to the pointer it replaces, in documentation order */
    public static Map<String, String> targets() {
        return TARGETS;
    }

    /**
     * @param environment the config's environment
     * @return the name of the override block that applies, or null
     */
    public static String blockFor(String environment) {
        if (environment == null) {
            return null;
        }
        return switch (environment) {
            case "dev" -> "development";
            case "staging", "prod" -> "production";
            default -> null;
        };
    }

    /**
     * Applies the block in place.
     *
     * @param config the config with defaults filled in
     * @param environment the environment
     * @return target pointer to the pointer of the override that set it, for locating messages
     */
    public static Map<String, String> apply(ObjectNode config, String environment) {
        Map<String, String> origins = new LinkedHashMap<>();
        String block = blockFor(environment);
        if (block == null || !config.path(block).isObject()) {
            return origins;
        }
        JsonNode overrides = config.get(block);
        TARGETS.forEach((source, target) -> {
            JsonNode value = overrides.at(source);
            if (value.isMissingNode() || value.isNull()) {
                return;
            }
            ObjectNode parent = (ObjectNode) ensureParent(config, target);
            parent.set(target.substring(target.lastIndexOf('/') + 1), value.deepCopy());
            origins.put(target, "/" + block + source);
        });
        return origins;
    }

    private static JsonNode ensureParent(ObjectNode root, String pointer) {
        ObjectNode current = root;
        String[] parts = pointer.substring(1).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            current = next instanceof ObjectNode o ? o : current.putObject(parts[i]);
        }
        return current;
    }
}
