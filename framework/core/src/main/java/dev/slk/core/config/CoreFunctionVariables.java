package dev.slk.core.config;

import java.util.List;
import java.util.Set;

/**
 * Environment variables of the core functions that the config's {@code environment} blocks may
 * not set: those slk sets itself (the stack uses these names, validate-config refuses them) and
 * those Lambda reserves (a deployment that sets one fails).
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

    /** Reserved by the Lambda runtime; see the Lambda developer guide, "Defined runtime environment variables". */
    public static final Set<String> LAMBDA_RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private CoreFunctionVariables() {
    }

    /**
     * @param function {@code eventTransformer} or {@code securityHubProcessor}
     * @return the variables slk sets on it, whatever the config says
     */
    public static List<String> setBySlk(String function) {
        return "eventTransformer".equals(function)
                ? List.of(SECURITY_LAKE_BUCKET, SECURITY_LAKE_SOURCES, ASFF_QUEUE_URL, POWERTOOLS_SERVICE_NAME)
                : List.of(POWERTOOLS_SERVICE_NAME);
    }
}
