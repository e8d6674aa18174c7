package dev.slk.core.config;

import java.util.List;

/**
 * Environment variables of the core functions that the config's {@code environment} blocks may
 * not set because slk sets them itself (the stack uses these names, validate-config refuses them);
 * names Lambda reserves or that look like secrets are refused by {@code dev.slk.spi.EnvironmentVariables}.
 */
public final class CoreFunctionVariables {
    /** The Security Lake bucket the transformer writes to. */
    public static final String SECURITY_LAKE_BUCKET = "SECURITY_LAKE_BUCKET";
    /** The custom sources the transformer writes, as JSON. */
    public static final String SECURITY_LAKE_SOURCES = "SECURITY_LAKE_SOURCES";
    /** The queue the transformer forwards findings to, when Security Hub is on. */
    public static final String ASFF_QUEUE_URL = "ASFF_QUEUE_URL";
    /** The function's name in its log records. */
    public static final String POWERTOOLS_SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";

    private CoreFunctionVariables() {
    }

    /**
     * @param block the function's block, one of {@link ConfigKeys#CORE_FUNCTIONS}
     * @return the variables slk sets on it, whatever the config says
     */
    public static List<String> setBySlk(String block) {
        return ConfigKeys.EVENT_TRANSFORMER.equals(block)
                ? List.of(SECURITY_LAKE_BUCKET, SECURITY_LAKE_SOURCES, ASFF_QUEUE_URL, POWERTOOLS_SERVICE_NAME)
                : List.of(POWERTOOLS_SERVICE_NAME);
    }
}
