package dev.slk.lambda.kit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.SendResult;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.testing.FakeCredentials;
import dev.slk.lambda.testing.LocalSqs;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Events per SQS API call, and wall time, for 1 KiB events sent to ElasticMQ in this JVM three
 * ways: one SendMessage per event (the reference framework), ten one-event messages per
 * SendMessageBatch (the generated module's sender before the kit), and the kit's packing sender.
 * Calls are counted by an SDK interceptor on every HTTP request, not by the code under test; every
 * event is then read back from the queue and counted.
 *
 * <p>Arguments: events per run (default 10000), runs (default 3).
 */
public final class SenderBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENT_BYTES = 1024;

    private SenderBench() {
    }

    /** Counts the HTTP requests of send operations. */
    private static final class CallCounter implements ExecutionInterceptor {
        private final AtomicInteger sends = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            String target = context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            if (target.startsWith("AmazonSQS.SendMessage")) {
                sends.incrementAndGet();
            }
        }
    }

    private interface Way {
        void send(SqsClient sqs, String queue, List<ObjectNode> events);
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(sized(i));
        }
        System.out.printf(Locale.ROOT, "%d events of %d bytes each (compact JSON), %d runs per way, ElasticMQ on 127.0.0.1%n%n",
                count, EVENT_BYTES, runs);
        System.out.printf(Locale.ROOT, "%-48s %10s %10s %15s %14s %12s%n", "way", "API calls", "messages", "events/call",
                "median ms", "events/s");
        measure("one SendMessage per event (reference)", events, runs, (sqs, queue, evs) -> {
            for (ObjectNode e : evs) {
                sqs.sendMessage(r -> r.queueUrl(queue).messageBody(e.toString()));
            }
        });
        measure("SendMessageBatch, 10 one-event messages", events, runs, (sqs, queue, evs) -> {
            for (int from = 0; from < evs.size(); from += 10) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = from; i < Math.min(from + 10, evs.size()); i++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(evs.get(i).toString()).build());
                }
                if (!sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(entries)).failed().isEmpty()) {
                    throw new IllegalStateException("ElasticMQ refused entries");
                }
            }
        });
        measure("slk-lambda-kit EventQueueSender (packed)", events, runs, (sqs, queue, evs) -> {
            SendResult result = EventQueueSender.builder(sqs, queue).build()
                    .send(evs, TimeBudget.of(Duration.ofMinutes(15), Duration.ZERO, System::nanoTime));
            result.orThrow();
        });
        System.exit(0);
    }

    private static void measure(String name, List<ObjectNode> events, int runs, Way way) throws IOException {
        // A first, unmeasured send of up to 500 events warms the JIT and the server for this way.
        try (SqsClient sqs = SqsClient.builder().endpointOverride(LocalSqs.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(FakeCredentials.provider()).httpClient(UrlConnectionHttpClient.create()).build()) {
            String queue = LocalSqs.queue(sqs, "warm-" + UUID.randomUUID());
            way.send(sqs, queue, events.subList(0, Math.min(500, events.size())));
            sqs.deleteQueue(r -> r.queueUrl(queue));
        }
        long[] millis = new long[runs];
        int calls = 0;
        int messages = 0;
        for (int run = 0; run < runs; run++) {
            CallCounter counter = new CallCounter();
            try (SqsClient sqs = SqsClient.builder().endpointOverride(LocalSqs.endpoint()).region(Region.EU_WEST_1)
                    .credentialsProvider(FakeCredentials.provider()).httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build()) {
                String queue = LocalSqs.queue(sqs, "bench-" + UUID.randomUUID());
                long start = System.nanoTime();
                way.send(sqs, queue, events);
                millis[run] = (System.nanoTime() - start) / 1_000_000;
                calls = counter.sends.get();
                List<String> bodies = LocalSqs.drain(sqs, queue);
                messages = bodies.size();
                int received = 0;
                for (String body : bodies) {
                    JsonNode root = JSON.readTree(body);
                    received += root.has("events") ? root.get("events").size() : 1;
                }
                if (received != events.size()) {
                    throw new IllegalStateException(name + ": " + received + " of " + events.size() + " events arrived");
                }
                sqs.deleteQueue(r -> r.queueUrl(queue));
            }
        }
        Arrays.sort(millis);
        long median = millis[runs / 2];
        System.out.printf(Locale.ROOT, "%-48s %10d %10d %15.1f %14d %12.0f%n", name, calls, messages,
                (double) events.size() / calls, median, events.size() * 1000.0 / Math.max(1, median));
    }

    private static ObjectNode sized(int id) {
        ObjectNode event = JSON.createObjectNode().put("id", id).put("AlertType", "VM_Bench").put("pad", "");
        int base = event.toString().length();
        return event.put("pad", "x".repeat(EVENT_BYTES - base));
    }
}
