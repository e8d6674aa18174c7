/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends the lease of the messages in flight (pulled, not yet acknowledged) while they are being
 * sent to SQS, so that Pub/Sub does not hand them to another run in the meantime. It renews every
 * {@code renewEvery}, a third of the ack deadline in production.
 */
final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final PubSubClient pubsub;
    private final int deadlineSeconds;
    private final Duration renewEvery;
    private final ScheduledExecutorService timer;
    private final AtomicReference<List<String>> inFlight = new AtomicReference<>(List.of());
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private ScheduledFuture<?> task;

    LeaseKeeper(PubSubClient pubsub, Duration deadline, Duration renewEvery) {
        this.pubsub = pubsub;
        this.deadlineSeconds = (int) deadline.toSeconds();
        this.renewEvery = renewEvery;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pubsub-lease-keeper");
            t.setDaemon(true);
            return t;
        });
    }

    /** @param ackIds the messages now in flight; they replace the previous ones */
    synchronized void hold(List<String> ackIds) {
        inFlight.set(List.copyOf(ackIds));
        if (task == null) {
            long period = Math.max(1, renewEvery.toMillis());
            task = timer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops renewing: the messages were acknowledged or handed back. */
    void release() {
        inFlight.set(List.of());
    }

    /** @return the first renewal that failed, if one did; the leases may have run out since */
    java.util.Optional<RuntimeException> failure() {
        return java.util.Optional.ofNullable(failure.get());
    }

    private void renew() {
        List<String> ids = inFlight.get();
        if (ids.isEmpty()) {
            return;
        }
        try {
            pubsub.modifyAckDeadline(ids, deadlineSeconds, renewEvery.multipliedBy(2));
            LOG.debug("extended the lease of {} messages in flight by {} s", ids.size(), deadlineSeconds);
        } catch (RuntimeException e) {
            // Not fatal by itself: SQS still gets the messages, a lost lease only means a redelivery.
            failure.compareAndSet(null, e);
            LOG.warn("could not extend the lease of {} messages in flight: {}", ids.size(), e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
