package dev.slk.kit;

import dev.slk.spi.HealthCheck;
import dev.slk.spi.ModuleResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The standard alarms of a module function, as health checks the framework turns into alarms that
 * notify the project's alarm topic: the function failed, it was throttled, and failed
 * asynchronous invocations are waiting in its dead-letter queue. Each fires on one occurrence in
 * five minutes.
 */
public final class StandardAlarms {
    static final String DEAD_LETTER_QUEUE = "DeadLetterQueue";
    private static final int PERIOD_SECONDS = 300;

    private StandardAlarms() {
    }

    /**
     * The checks of a function that {@link ModuleFunction#addTo} added to a module's resources.
     *
     * @param created what createResources returned
     * @param name the name the function was added under
     * @param checkPrefix the health checks' name prefix, in kebab case, e.g. {@code event-processor}
     * @return errors, throttles and dead letters
     * @throws IllegalArgumentException when the function or its dead-letter queue is not there
     */
    public static List<HealthCheck> of(ModuleResources created, String name, String checkPrefix) {
        return of(created.function(name), ModuleFunction.deadLetterQueue(created, name), checkPrefix);
    }

    /**
     * @param function the function
     * @param deadLetterQueue its asynchronous invocations' dead-letter queue, or null when it has none
     * @param checkPrefix the health checks' name prefix, in kebab case, e.g. {@code event-processor}
     * @return errors, throttles and (with a dead-letter queue) dead letters
     */
    public static List<HealthCheck> of(IFunction function, IQueue deadLetterQueue, String checkPrefix) {
        Map<String, String> byFunction = Map.of("FunctionName", function.getFunctionName());
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(atLeastOne(checkPrefix + "-errors", checkPrefix + " failed; read its log group",
                "AWS/Lambda", "Errors", byFunction, "Sum"));
        checks.add(atLeastOne(checkPrefix + "-throttles", checkPrefix + " was throttled: its reserved concurrency "
                + "is used up", "AWS/Lambda", "Throttles", byFunction, "Sum"));
        if (deadLetterQueue != null) {
            checks.add(atLeastOne(checkPrefix + "-dead-letters", "asynchronous invocations of " + checkPrefix
                    + " failed every retry and wait in its dead-letter queue", "AWS/SQS",
                    "ApproximateNumberOfMessagesVisible", Map.of("QueueName", deadLetterQueue.getQueueName()),
                    "Maximum"));
        }
        return checks;
    }

    private static HealthCheck atLeastOne(String name, String description, String namespace, String metric,
            Map<String, String> dimensions, String statistic) {
        return new HealthCheck(name, description, namespace, metric, dimensions, statistic,
                HealthCheck.Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, PERIOD_SECONDS, 1);
    }
}
