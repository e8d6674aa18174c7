/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.testing.FakeContext;
import dev.slk.lambda.testing.LocalSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class PollerHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aScheduledRunAnswersWithItsCountsAndWritesItsMetricsLine() throws Exception {
        SqsClient sqs = LocalSqs.client();
        String queue = LocalSqs.queue(sqs, "handler-" + System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakePubSub pubsub = new FakePubSub(30)) {
            for (int i = 1; i <= 3; i++) {
                pubsub.publish(Notifications.finding(i));
            }
            PollerHandler handler = handler(pubsub, sqs, queue, out);
            Map<String, Object> answer = handler.handleRequest(Map.of(), FakeContext.of("google-scc-poller", "r-1", 60_000));
            assertEquals(FakePubSub.SUBSCRIPTION, answer.get("subscription"));
            assertEquals(3, answer.get("acknowledged"));
            assertEquals(false, answer.get("backlog"));
            JsonNode metrics = JSON.readTree(out.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow());
            assertEquals("slk/google-scc", metrics.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
            assertEquals("google-scc-poller", metrics.path("FunctionName").asText());
            assertEquals(0, metrics.path(RunMetrics.BACKLOG).asInt());
            assertEquals(3, metrics.path("MessagesAcknowledged").asInt());
        }
    }

    @Test
    void aFailedRunFailsTheInvocationAfterWritingItsMetrics() throws Exception {
        SqsClient sqs = LocalSqs.client();
        String queue = LocalSqs.queue(sqs, "handler-" + System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakePubSub pubsub = new FakePubSub(30)) {
            pubsub.publish("[1, 2]");
            PollerHandler handler = handler(pubsub, sqs, queue, out);
            assertThrows(PollFailedException.class,
                    () -> handler.handleRequest(Map.of(), FakeContext.of("google-scc-poller", "r-2", 60_000)));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"MessagesUnreadable\":1"), out.toString());
        }
    }

    private static PollerHandler handler(FakePubSub pubsub, SqsClient sqs, String queue, ByteArrayOutputStream out) {
        PollerConfig config = PollerConfig.fromEnvironment(Map.of("EVENT_QUEUE_URL", queue,
                "GCP_PROJECT_ID", "acme-scc-4711", "GCP_SUBSCRIPTION_ID", "scc-findings",
                "CREDENTIALS_SECRET_NAME", "gcp-scc", "ACK_DEADLINE_SECONDS", "30"));
        assertEquals(Duration.ofSeconds(30), config.ackDeadline());
        EventQueueSender sender = EventQueueSender.builder(sqs, queue).envelope(EventEnvelope.module("google-scc")).build();
        return new PollerHandler(config, sender, () -> null,
                (credentials, subscription) -> PubSubClient.plaintext(pubsub.endpoint(), subscription),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
