package dev.slk.lambda.customsource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs the work on a worker thread and gives up on it before Lambda's own timeout, so the
 * handler thread still has time to tell CloudFormation. Without this, a hung API call ends the
 * invocation silently and the stack waits an hour for a response that never comes.
 */
final class Watchdog {

    /** The work's result, or the fact that it did not finish in time. */
    sealed interface Result<T> permits Finished, TimedOut {
    }

    record Finished<T>(T value) implements Result<T> {
    }

    record TimedOut<T>(Duration budget) implements Result<T> {
    }

    private Watchdog() {
    }

    /**
     * @param budget how long the work may run; zero or less gives up at once
     * @throws RuntimeException what the work threw, unwrapped
     */
    static <T> Result<T> run(Supplier<T> work, Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            return new TimedOut<>(budget);
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "custom-source-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> future = executor.submit(() -> {
                // Powertools keeps the Lambda context fields in the MDC, which is per thread.
                Optional.ofNullable(logContext).ifPresent(MDC::setContextMap);
                try {
                    return work.get();
                } finally {
                    MDC.clear();
                }
            });
            try {
                return new Finished<>(future.get(budget.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                future.cancel(true);
                return new TimedOut<>(budget);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                return new TimedOut<>(budget);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
