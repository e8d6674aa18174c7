/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.pubsub.v1.ReceivedMessage;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.SendResult;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.kit.Undelivered;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: pull, send, acknowledge, until the subscription is empty, the run's message limit is
 * reached or its time is nearly used. A message is acknowledged only after the event queue
 * accepted its event; what the queue did not take is handed back (deadline 0) for redelivery, or,
 * when it can never be taken (not JSON, too large, refused), leased for the longest deadline so
 * that it does not come back in the same run and, after the subscription's maximum delivery
 * attempts, goes to its dead-letter topic. Any of these, and an acknowledge that fails, fails the
 * run after what could be settled is settled.
 */
final class PollLoop {
    /** The longest lease Pub/Sub grants: a message that can never be sent stays away this long. */
    static final int POISON_DEADLINE_SECONDS = 600;
    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How the run spends its time.
     *
     * @param callTimeout the deadline of one Pub/Sub call
     * @param reservePerBatch the time a batch needs after its pull (send and acknowledge); no pull starts without it
     * @param renewEvery how often the lease of the messages in flight is extended
     */
    record Timing(Duration callTimeout, Duration reservePerBatch, Duration renewEvery) {
        static Timing forDeadline(Duration ackDeadline) {
            return new Timing(Duration.ofSeconds(10), Duration.ofSeconds(15), ackDeadline.dividedBy(3));
        }
    }

    private final PubSubClient pubsub;
    private final EventQueueSender sender;
    private final PollerConfig config;
    private final Timing timing;

    PollLoop(PubSubClient pubsub, EventQueueSender sender, PollerConfig config, Timing timing) {
        this.pubsub = pubsub;
        this.sender = sender;
        this.config = config;
        this.timing = timing;
    }

    /**
     * @param budget the run's time
     * @return what the run did
     * @throws PollFailedException when a message could not be brought into the queue or acknowledged
     */
    RunSummary run(TimeBudget budget) {
        Tally tally = new Tally();
        try (LeaseKeeper leases = new LeaseKeeper(pubsub, config.ackDeadline(), timing.renewEvery())) {
            while (tally.pulled < config.maxMessagesPerRun()) {
                if (!budget.allows(timing.callTimeout().plus(timing.reservePerBatch()))) {
                    tally.backlog = true;
                    break;
                }
                int ask = Math.min(config.maxMessagesPerPull(), config.maxMessagesPerRun() - tally.pulled);
                List<ReceivedMessage> messages = pubsub.pull(ask, timing.callTimeout());
                tally.pullCalls++;
                if (messages.isEmpty()) {
                    break;
                }
                tally.pulled += messages.size();
                if (!batch(messages, budget, leases, tally)) {
                    break;
                }
                if (tally.pulled >= config.maxMessagesPerRun()) {
                    tally.backlog = true;
                }
            }
        }
        RunSummary summary = tally.summary();
        if (tally.problem != null) {
            throw new PollFailedException(tally.problem + " (run: " + summary + ")", summary, tally.cause);
        }
        return summary;
    }

    /** @return whether the run may go on */
    private boolean batch(List<ReceivedMessage> messages, TimeBudget budget, LeaseKeeper leases, Tally tally) {
        List<JsonNode> events = new ArrayList<>(messages.size());
        List<String> eventAckIds = new ArrayList<>(messages.size());
        List<String> poison = new ArrayList<>();
        for (ReceivedMessage message : messages) {
            JsonNode event = read(message);
            if (event == null) {
                poison.add(message.getAckId());
                tally.unreadable++;
                tally.fail("message " + message.getMessage().getMessageId() + " is not a JSON object, so not an SCC "
                        + "finding notification", null);
            } else {
                events.add(event);
                eventAckIds.add(message.getAckId());
            }
        }
        leases.hold(eventAckIds);
        SendResult result;
        try {
            result = sender.send(events, budget);
        } finally {
            leases.release();
        }
        tally.sqsCalls += result.apiCalls();
        List<String> accepted = new ArrayList<>(result.accepted().size());
        result.accepted().forEach(i -> accepted.add(eventAckIds.get(i)));
        List<String> retry = new ArrayList<>();
        if (result instanceof SendResult.Incomplete incomplete) {
            for (Undelivered u : incomplete.undelivered()) {
                (u.reason().isTransient() ? retry : poison).add(eventAckIds.get(u.index()));
            }
            Undelivered first = incomplete.undelivered().get(0);
            tally.fail(incomplete.undelivered().size() + " of " + events.size() + " events were not accepted by the "
                    + "event queue; first: " + first.reason() + " " + first.code() + ": " + first.detail(), null);
        }
        tally.sent += accepted.size();
        try {
            pubsub.acknowledge(accepted, timing.callTimeout());
            tally.acknowledged += accepted.size();
        } catch (RuntimeException e) {
            // The queue has these events; Pub/Sub will redeliver them, and the duplicates map to the same finding uid.
            tally.fail("acknowledging " + accepted.size() + " messages the event queue accepted failed: " + e, e);
            handBack(retry, 0, tally);
            handBack(poison, POISON_DEADLINE_SECONDS, tally);
            return false;
        }
        handBack(retry, 0, tally);
        handBack(poison, POISON_DEADLINE_SECONDS, tally);
        return retry.isEmpty();
    }

    private void handBack(List<String> ackIds, int seconds, Tally tally) {
        if (ackIds.isEmpty()) {
            return;
        }
        try {
            pubsub.modifyAckDeadline(ackIds, seconds, timing.callTimeout());
            tally.handedBack += ackIds.size();
        } catch (RuntimeException e) {
            // Their leases run out by themselves; Pub/Sub redelivers them then.
            LOG.warn("could not hand {} messages back to Pub/Sub: {}", ackIds.size(), e.toString());
        }
    }

    private static JsonNode read(ReceivedMessage message) {
        try {
            JsonNode node = JSON.readTree(message.getMessage().getData().toByteArray());
            if (node == null || !node.isObject()) {
                return null;
            }
            FindingActivity.annotate((com.fasterxml.jackson.databind.node.ObjectNode) node);
            return node;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static final class Tally {
        int pulled;
        int sent;
        int acknowledged;
        int handedBack;
        int unreadable;
        int pullCalls;
        int sqsCalls;
        boolean backlog;
        String problem;
        Throwable cause;

        void fail(String what, Throwable why) {
            if (problem == null) {
                problem = what;
                cause = why;
            }
        }

        RunSummary summary() {
            return new RunSummary(pulled, sent, acknowledged, handedBack, unreadable, pullCalls, sqsCalls, backlog);
        }
    }
}
