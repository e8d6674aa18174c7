package dev.slk.lambda.kit;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The time an invocation may still spend on work: what the Lambda {@link Context} says is left when
 * the budget is made, minus a margin kept for what must happen after the work (answering, logging,
 * flushing). It counts down on a monotonic clock, so it stays right however long a call blocks.
 *
 * <pre>{@code
 * TimeBudget budget = TimeBudget.of(context);
 * while (budget.allows(Duration.ofSeconds(5))) { fetchNextPage(); }
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TimeBudget {
    /** The margin {@link #of(Context)} keeps: enough to report a result and flush the logs. */
    public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(2);

    private static final long MAX_NANOS = Duration.ofDays(1).toNanos();

    private final long deadlineNanos;
    private final LongSupplier nanoClock;

    private TimeBudget(long deadlineNanos, LongSupplier nanoClock) {
        this.deadlineNanos = deadlineNanos;
        this.nanoClock = nanoClock;
    }

    /**
     * @param context the invocation's context
     * @return the time left in this invocation minus {@link #DEFAULT_MARGIN}
     */
    public static TimeBudget of(Context context) {
        return of(context, DEFAULT_MARGIN);
    }

    /**
     * @param context the invocation's context
     * @param margin the time to keep back; zero or more
     * @return the time left in this invocation minus {@code margin}
     */
    public static TimeBudget of(Context context, Duration margin) {
        Objects.requireNonNull(context, "context");
        return of(Duration.ofMillis(context.getRemainingTimeInMillis()), margin, System::nanoTime);
    }

    /**
     * A budget on a clock of the caller's: for tests and local runs that must not wait on the wall clock.
     *
     * @param available the time available from now
     * @param margin the time to keep back; zero or more
     * @param nanoClock a monotonic clock in nanoseconds, as {@link System#nanoTime()}
     * @return {@code available - margin} from now on that clock
     */
    public static TimeBudget of(Duration available, Duration margin, LongSupplier nanoClock) {
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(nanoClock, "nanoClock");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
        // Capped so that clock arithmetic cannot overflow; a Lambda invocation lasts 15 minutes at most.
        long usable = Math.min(MAX_NANOS, Math.max(0, Math.min(MAX_NANOS, saturatedNanos(available)) - saturatedNanos(margin)));
        return new TimeBudget(nanoClock.getAsLong() + usable, nanoClock);
    }

    /** @return the time left; zero once the budget is spent, never negative */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - nanoClock.getAsLong()));
    }

    /** @return whether no time is left */
    public boolean isExhausted() {
        return remaining().isZero();
    }

    /**
     * @param work how long the next piece of work may take
     * @return whether that much time is left
     */
    public boolean allows(Duration work) {
        return remaining().compareTo(work) >= 0;
    }

    @Override
    public String toString() {
        return "TimeBudget[remaining=" + remaining().toMillis() + " ms]";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
