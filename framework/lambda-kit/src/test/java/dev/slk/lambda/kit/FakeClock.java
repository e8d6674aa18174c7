package dev.slk.lambda.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A monotonic clock that moves only when told: waits advance it instead of sleeping. */
final class FakeClock implements LongSupplier {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> waits = new ArrayList<>();

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    /** The sender's pause: records the wait and moves the clock by it. */
    synchronized void pause(Duration d) {
        waits.add(d);
        advance(d);
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
