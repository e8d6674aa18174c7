/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}};

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code eventProcessor} block of the module's config. slk fills in the schema's defaults
 * before the module sees the block; the same defaults are repeated here so that the module also
 * works on a block that did not go through slk (as in unit tests).
 *
 * @param enabled whether the event processor is deployed
 * @param schedule EventBridge schedule expression
 * @param memorySize memory in MB
 * @param timeout timeout in seconds
 * @param reservedConcurrentExecutions reserved concurrency
 * @param logLevel POWERTOOLS_LOG_LEVEL
 * @param environment extra environment variables
 */
record ProcessorSettings(
        boolean enabled, String schedule, int memorySize, int timeout, int reservedConcurrentExecutions,
        String logLevel, Map<String, String> environment) {

    static final String DEFAULT_SCHEDULE = "rate(5 minutes)";
    static final int DEFAULT_MEMORY_SIZE = 512;
    static final int DEFAULT_TIMEOUT = 120;
    static final int DEFAULT_RESERVED_CONCURRENCY = 1;
    static final String DEFAULT_LOG_LEVEL = "INFO";

    ProcessorSettings {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    static ProcessorSettings from(JsonNode config) {
        JsonNode block = config.path("eventProcessor");
        Map<String, String> environment = new LinkedHashMap<>();
        block.path("environment").properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
        return new ProcessorSettings(
                block.path("enabled").asBoolean(true),
                block.path("schedule").asText(DEFAULT_SCHEDULE),
                block.path("memorySize").asInt(DEFAULT_MEMORY_SIZE),
                block.path("timeout").asInt(DEFAULT_TIMEOUT),
                block.path("reservedConcurrentExecutions").asInt(DEFAULT_RESERVED_CONCURRENCY),
                block.path("logLevel").asText(DEFAULT_LOG_LEVEL),
                environment);
    }
}
