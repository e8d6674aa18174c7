package dev.slk.lambda.kit;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The Lambda {@link Context} of an invocation outside Lambda: a module's local runner, or a test
 * that calls a handler directly. Its remaining time counts down from the function's timeout, as in
 * Lambda, so a handler's {@link TimeBudget} behaves on a laptop as it does in the function.
 *
 * <pre>{@code
 * Context context = new LocalContext("okta-logs-event-processor-local", Duration.ofSeconds(120), System.err);
 * Map<String, Object> result = new EventProcessorHandler().handleRequest(event, context);
 * }</pre>
 *
 * <p>Each context has a random request id; the function is {@code $LATEST} of
 * {@code arn:aws:lambda:local:000000000000:function:<name>}, logging to {@code /local/<name>},
 * with 512 MB. What is logged through {@link #getLogger()} goes to the stream given, unchanged.
 * Give a runner's standard error when its standard output carries the result.
 */
public final class LocalContext implements Context {
    /** The memory the context reports, the module functions' default. */
    public static final int MEMORY_MB = 512;

    private static final String ARN_PREFIX = "arn:aws:lambda:local:000000000000:function:";

    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadlineNanos;
    private final LongSupplier nanoClock;
    private final LambdaLogger logger;

    /**
     * @param functionName the function's name, as Lambda would report it
     * @param timeout the function's timeout; the remaining time counts down from it from now on
     * @param logger where {@link #getLogger()} writes
     */
    public LocalContext(String functionName, Duration timeout, PrintStream logger) {
        this(functionName, timeout, logger, System::nanoTime);
    }

    /**
     * A context on a clock of the caller's: for tests that let a handler's time run out without waiting.
     *
     * @param functionName the function's name, as Lambda would report it
     * @param timeout the function's timeout, between zero and {@link Integer#MAX_VALUE} ms
     * @param logger where {@link #getLogger()} writes
     * @param nanoClock a monotonic clock in nanoseconds, as {@link System#nanoTime()}
     */
    public LocalContext(String functionName, Duration timeout, PrintStream logger, LongSupplier nanoClock) {
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be between 0 and " + Integer.MAX_VALUE + " ms: " + timeout);
        }
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.deadlineNanos = nanoClock.getAsLong() + timeout.toNanos();
        this.logger = new StreamLogger(Objects.requireNonNull(logger, "logger"));
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/local/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return ARN_PREFIX + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** @return the milliseconds left until the timeout; zero once it has passed, never negative */
    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - nanoClock.getAsLong()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String toString() {
        return "LocalContext[" + functionName + ", remaining=" + getRemainingTimeInMillis() + " ms]";
    }

    /** Lambda's logger writes what it is given as it is, without adding a line end. */
    private record StreamLogger(PrintStream stream) implements LambdaLogger {
        @Override
        public void log(String message) {
            stream.print(message);
            stream.flush();
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
