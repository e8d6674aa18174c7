/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.RetryPolicy;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.testing.LocalSqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The pull/send/acknowledge loop against the real Pub/Sub client, an in-process Pub/Sub fake and ElasticMQ. */
class PollLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PollLoop.Timing FAST = new PollLoop.Timing(Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofMillis(20));

    private FakePubSub pubsub;
    private SqsClient sqs;
    private FaultySqs faulty;
    private String queue;
    private PubSubClient client;

    @BeforeEach
    void start() throws Exception {
        pubsub = new FakePubSub(30);
        sqs = LocalSqs.client();
        queue = LocalSqs.queue(sqs, "events-" + System.nanoTime());
        faulty = new FaultySqs(sqs);
        pubsub.checkAcknowledgements(faulty::accepted);
        client = PubSubClient.plaintext(pubsub.endpoint(), FakePubSub.SUBSCRIPTION);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        pubsub.close();
    }

    private PollLoop loop(int perPull, int perRun, RetryPolicy retry) {
        PollerConfig config = new PollerConfig(queue, "acme-scc-4711", "scc-findings", "secret", perPull, perRun,
                Duration.ofSeconds(30));
        EventQueueSender sender = EventQueueSender.builder(faulty, queue).envelope(EventEnvelope.module("google-scc"))
                .retry(retry).build();
        return new PollLoop(client, sender, config, FAST);
    }

    private static TimeBudget minute() {
        return TimeBudget.of(Duration.ofMinutes(1), Duration.ZERO, System::nanoTime);
    }

    private void publish(int from, int to) {
        for (int i = from; i <= to; i++) {
            pubsub.publish(Notifications.finding(i));
        }
    }

    private List<JsonNode> eventsOnTheQueue() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String body : LocalSqs.drain(sqs, queue)) {
            JsonNode message = JSON.readTree(body);
            assertEquals("google-scc", message.at("/event_metadata/module_id").asText());
            message.path("event_data").forEach(events::add);
        }
        return events;
    }

    @Test
    void pullsInBatchesOfMaxMessagesUntilEmptyAndAcknowledgesWhatSqsAccepted() throws Exception {
        publish(1, 25);
        RunSummary summary = loop(10, 1000, RetryPolicy.DEFAULT).run(minute());
        assertEquals(new RunSummary(25, 25, 25, 0, 0, 4, summary.sqsCalls(), false), summary);
        assertEquals(0, pubsub.unacknowledged());
        List<JsonNode> events = eventsOnTheQueue();
        assertEquals(25, events.size());
        assertEquals("new", events.get(0).path("slk_activity").asText());
        assertTrue(events.get(0).at("/finding/description").asText().contains("\"ops@acme.example\" granted roles/owner — größer"));
        assertTrue(summary.sqsCalls() < 25, "events are packed: " + summary.sqsCalls() + " calls");
        assertEquals(List.of(), pubsub.violations());
    }

    @Test
    void stopsAtTheRunsMessageLimitAndReportsTheBacklog() {
        publish(1, 25);
        RunSummary summary = loop(10, 12, RetryPolicy.DEFAULT).run(minute());
        assertEquals(12, summary.pulled());
        assertTrue(summary.backlog());
        assertEquals(13, pubsub.unacknowledged());
    }

    @Test
    void aRunWithoutTimeForABatchPullsNothingAndReportsTheBacklog() {
        publish(1, 3);
        RunSummary summary = loop(10, 100, RetryPolicy.DEFAULT).run(TimeBudget.of(Duration.ofMillis(500), Duration.ZERO,
                System::nanoTime));
        assertEquals(0, summary.pullCalls());
        assertTrue(summary.backlog());
    }

    @Test
    void whatSqsDidNotTakeIsHandedBackAtOnceAndTheRunFails() {
        publish(1, 5);
        faulty.failWhen((call, entry) -> true);
        PollFailedException e = assertThrows(PollFailedException.class,
                () -> loop(10, 100, new RetryPolicy(2, Duration.ZERO, Duration.ZERO)).run(minute()));
        assertTrue(e.getMessage().contains("5 of 5 events were not accepted"), e.getMessage());
        assertEquals(5, e.summary().handedBack());
        assertEquals(0, e.summary().acknowledged());
        assertEquals(5, pubsub.unacknowledged());
        // Deadline 0: the next run gets them without waiting for the lease.
        faulty.failWhen((call, entry) -> false);
        assertEquals(5, loop(10, 100, RetryPolicy.DEFAULT).run(minute()).acknowledged());
        assertEquals(2, pubsub.deliveries("3"));
        assertEquals(List.of(), pubsub.violations());
    }

    @Test
    void aFailedAcknowledgeFailsTheRunAndTheMessagesComeBackAfterTheirLease() throws Exception {
        publish(1, 4);
        pubsub.failAcknowledgeCalls(1);
        PollFailedException e = assertThrows(PollFailedException.class,
                () -> loop(10, 100, RetryPolicy.DEFAULT).run(minute()));
        assertTrue(e.getMessage().contains("acknowledging 4 messages the event queue accepted failed"), e.getMessage());
        assertEquals(4, pubsub.unacknowledged());
        assertEquals(0, loop(10, 100, RetryPolicy.DEFAULT).run(minute()).pulled(), "still leased");
        pubsub.advance(31_000);
        assertEquals(4, loop(10, 100, RetryPolicy.DEFAULT).run(minute()).acknowledged());
        assertEquals(8, eventsOnTheQueue().size(), "at least once: the first copies stay");
    }

    @Test
    void aMessageThatIsNotJsonIsLeasedForTheLongestDeadlineAndFailsTheRun() {
        publish(1, 2);
        String bad = pubsub.publish("not json at all");
        PollFailedException e = assertThrows(PollFailedException.class,
                () -> loop(10, 100, RetryPolicy.DEFAULT).run(minute()));
        assertTrue(e.getMessage().contains("message " + bad + " is not a JSON object"), e.getMessage());
        assertEquals(2, e.summary().acknowledged());
        assertEquals(1, e.summary().unreadable());
        assertEquals(PollLoop.POISON_DEADLINE_SECONDS, pubsub.leaseSecondsLeft(bad));
    }

    @Test
    void theLeaseOfMessagesInFlightIsExtendedWhileSqsIsSlow() throws Exception {
        publish(1, 3);
        CountDownLatch extended = new CountDownLatch(1);
        pubsub.onModifyAckDeadline(extended::countDown);
        faulty.beforeEachCall(() -> {
            try {
                assertTrue(extended.await(10, TimeUnit.SECONDS), "no lease extension while the send was waiting");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        RunSummary summary = loop(10, 100, RetryPolicy.DEFAULT).run(minute());
        assertEquals(3, summary.acknowledged());
        assertTrue(pubsub.modifyCalls() >= 1);
    }
}
