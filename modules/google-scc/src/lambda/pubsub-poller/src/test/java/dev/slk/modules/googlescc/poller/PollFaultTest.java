/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.RetryPolicy;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.testing.LocalSqs;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * 10,000 findings through scheduled runs with SQS partial failures (some retried away by the
 * sender, some that outlast its attempts), a failed acknowledge and leases that expire mid-send:
 * every message reaches SQS at least once, none is acknowledged before SQS has it, and the
 * subscription ends empty.
 */
class PollFaultTest {
    private static final int MESSAGES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyMessageReachesSqsAtLeastOnceAndNoneIsAcknowledgedBeforeSqsHasIt() throws Exception {
        SqsClient sqs = LocalSqs.client();
        String queue = LocalSqs.queue(sqs, "fault-" + System.nanoTime());
        FaultySqs faulty = new FaultySqs(sqs);
        try (FakePubSub pubsub = new FakePubSub(30);
                PubSubClient client = PubSubClient.plaintext(pubsub.endpoint(), FakePubSub.SUBSCRIPTION)) {
            for (int i = 1; i <= MESSAGES; i++) {
                pubsub.publish(Notifications.finding(i));
            }
            pubsub.checkAcknowledgements(faulty::accepted);
            // Every 5th call loses one entry (the sender's retry brings it); calls 30 to 32 lose everything,
            // which outlasts the sender's 3 attempts and fails that run.
            faulty.failWhen((call, entry) -> (call % 5 == 0 && entry.equals("m1")) || (call >= 30 && call <= 32));
            faulty.beforeEachCall(() -> {
                if (faulty.calls() == 12 || faulty.calls() == 50) {
                    pubsub.expireAllLeases();
                }
            });
            PollerConfig config = new PollerConfig(queue, "acme-scc-4711", "scc-findings", "secret", 1000, 20_000,
                    Duration.ofSeconds(30));
            EventQueueSender sender = EventQueueSender.builder(faulty, queue).envelope(EventEnvelope.module("google-scc"))
                    .retry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO)).build();
            PollLoop loop = new PollLoop(client, sender, config,
                    new PollLoop.Timing(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1)));
            int failedRuns = 0;
            int runs = 0;
            while (pubsub.unacknowledged() > 0 && runs < 30) {
                runs++;
                if (runs == 2) {
                    pubsub.failAcknowledgeCalls(1);
                }
                try {
                    loop.run(TimeBudget.of(Duration.ofMinutes(2), Duration.ZERO, System::nanoTime));
                } catch (PollFailedException e) {
                    failedRuns++;
                }
                pubsub.advance(31_000);
            }
            assertEquals(0, pubsub.unacknowledged(), "after " + runs + " runs");
            assertEquals(List.of(), pubsub.violations());
            assertTrue(failedRuns >= 2, "the injected faults failed " + failedRuns + " runs");
            Set<String> names = new HashSet<>();
            int events = 0;
            for (String body : LocalSqs.drain(sqs, queue)) {
                for (JsonNode event : JSON.readTree(body).path("event_data")) {
                    names.add(event.at("/finding/name").asText());
                    events++;
                }
            }
            assertEquals(MESSAGES, names.size());
            assertTrue(events > MESSAGES, "the expired leases and the failed acknowledge redelivered some: " + events);
        }
    }
}
