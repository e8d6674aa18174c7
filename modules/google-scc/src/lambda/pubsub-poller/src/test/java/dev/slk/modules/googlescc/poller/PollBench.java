/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.testing.FakeCredentials;
import dev.slk.lambda.testing.LocalSqs;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * End-to-end messages per second and messages per SQS API call of one poller run: SCC finding
 * notifications (about 0.8 KB each) in the in-process fake Subscriber service, pulled over gRPC on
 * 127.0.0.1 with the function's defaults (500 per pull, 60 s lease), packed into SQS messages by
 * the kit's sender, sent to ElasticMQ in this JVM and acknowledged. SQS send calls are counted by
 * an SDK interceptor on every HTTP request; afterwards every finding is read back from the queue.
 * The reference module makes one SendMessageBatch call per Pub/Sub message.
 *
 * <p>Arguments: messages per run (default 20000), runs (default 3); the first, unmeasured run of
 * 2,000 messages warms the JIT.
 */
public final class PollBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PollBench() {
    }

    /** Counts the HTTP requests of send operations. */
    private static final class CallCounter implements ExecutionInterceptor {
        private final AtomicInteger sends = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").startsWith("AmazonSQS.SendMessage")) {
                sends.incrementAndGet();
            }
        }
    }

    /** What one run measured. */
    private record Run(long millis, int sqsCalls, int pullCalls, int messages) {
    }

    public static void main(String[] args) throws IOException {
        // The figures go to stdout; the servers' logs (log4j's console appender) to stderr.
        java.io.PrintStream figures = System.out;
        System.setOut(System.err);
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        run(Math.min(2_000, count));
        Run[] measured = new Run[runs];
        for (int i = 0; i < runs; i++) {
            measured[i] = run(count);
        }
        long[] millis = Arrays.stream(measured).mapToLong(Run::millis).sorted().toArray();
        Run last = measured[runs - 1];
        long median = millis[runs / 2];
        figures.printf(Locale.ROOT, "%d SCC notifications per run (%d bytes each), %d runs, fake Pub/Sub (gRPC) and"
                + " ElasticMQ on 127.0.0.1%n", count, Notifications.finding(1).length(), runs);
        figures.printf(Locale.ROOT, "pull calls %d, SQS send calls %d, SQS messages %d: %.1f Pub/Sub messages per SQS call"
                + " (reference: 1)%n", last.pullCalls(), last.sqsCalls(), last.messages(), (double) count / last.sqsCalls());
        figures.printf(Locale.ROOT, "end to end (pull, send, acknowledge): median %d ms (min %d, max %d), %.0f messages/s%n",
                median, millis[0], millis[runs - 1], count * 1000.0 / Math.max(1, median));
        System.exit(0);
    }

    private static Run run(int count) throws IOException {
        CallCounter counter = new CallCounter();
        try (SqsClient sqs = SqsClient.builder().endpointOverride(LocalSqs.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(FakeCredentials.provider()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
                FakePubSub pubsub = new FakePubSub(60);
                PubSubClient client = PubSubClient.plaintext(pubsub.endpoint(), FakePubSub.SUBSCRIPTION)) {
            String queue = LocalSqs.queue(sqs, "bench-" + UUID.randomUUID());
            for (int i = 1; i <= count; i++) {
                pubsub.publish(Notifications.finding(i));
            }
            PollerConfig config = new PollerConfig(queue, "acme-scc-4711", "scc-findings", "bench", 500, Math.max(20_000, count),
                    Duration.ofSeconds(60));
            EventQueueSender sender = EventQueueSender.builder(sqs, queue).envelope(EventEnvelope.module("google-scc")).build();
            long start = System.nanoTime();
            RunSummary summary = new PollLoop(client, sender, config, PollLoop.Timing.forDeadline(config.ackDeadline()))
                    .run(TimeBudget.of(Duration.ofMinutes(15), Duration.ZERO, System::nanoTime));
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (summary.acknowledged() != count || pubsub.unacknowledged() != 0) {
                throw new IllegalStateException("the run acknowledged " + summary.acknowledged() + " of " + count);
            }
            int calls = counter.sends.get();
            Set<String> names = new HashSet<>();
            int messages = 0;
            for (String body : LocalSqs.drain(sqs, queue)) {
                messages++;
                for (JsonNode event : JSON.readTree(body).path("event_data")) {
                    names.add(event.at("/finding/name").asText());
                }
            }
            if (names.size() != count) {
                throw new IllegalStateException(names.size() + " of " + count + " findings reached the queue");
            }
            sqs.deleteQueue(r -> r.queueUrl(queue));
            return new Run(millis, calls, summary.pullCalls(), messages);
        }
    }
}
