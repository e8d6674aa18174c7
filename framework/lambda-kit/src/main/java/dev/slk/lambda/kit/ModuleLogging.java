package dev.slk.lambda.kit;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Structured logs for a module's function, as slk's own functions write them: Powertools logging
 * on log4j2, one JSON object per line with the Lambda fields (request id, function name, cold
 * start) and {@code module_id}. The function's {@code log4j2.xml} uses Powertools'
 * {@code LambdaJsonLayout.json} (docs/LAMBDA_KIT.md shows it); {@code POWERTOOLS_LOG_LEVEL} sets
 * the level.
 *
 * <pre>{@code
 * public Result handleRequest(Map<String, Object> event, Context context) {
 *     return ModuleLogging.handle("azure-defender", context, () -> run(event, TimeBudget.of(context)));
 * }
 * }</pre>
 *
 * <p>Log names, counts and reasons; never an event's content or a secret.
 */
public final class ModuleLogging {
    /** The key of the module id on each log line. */
    public static final String MODULE_ID = "module_id";

    private ModuleLogging() {
    }

    /**
     * Runs one invocation's work with the Lambda fields and the module id on every log line it writes.
     *
     * @param moduleId the module's id
     * @param context the invocation's context
     * @param work the invocation's work
     * @param <T> what the work returns
     * @return what the work returned
     */
    public static <T> T handle(String moduleId, Context context, Supplier<T> work) {
        if (moduleId == null || moduleId.isBlank()) {
            throw new IllegalArgumentException("the module id is required on every log line");
        }
        Objects.requireNonNull(work, "work");
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put(MODULE_ID, moduleId);
            try {
                return work.get();
            } finally {
                MDC.remove(MODULE_ID);
            }
        });
    }
}
