/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.testing.LocalSqs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * bench/azure.sh's throughput part: EVENTS events of 1 KiB over 4 partitions of an Event Hub held
 * in memory (FakeHub, behind the partition-reader seam), through the real poller, the kit's
 * sender to ElasticMQ (in-process, 127.0.0.1) and checkpoints in DynamoDB on moto_server; then
 * the same events one SendMessage each, the reference's way. Every event is read back from the
 * queue and counted. Prints one line per way: events, SQS calls, events per call, median wall
 * time, events/s. Not a test: surefire runs *Test classes only.
 */
public final class PollerBench {
    private PollerBench() {
    }

    public static void main(String[] args) {
        int events = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        SqsClient sqs = LocalSqs.client();
        DynamoDbClient dynamo = LocalMoto.dynamo();
        List<Long> poller = new ArrayList<>();
        List<Long> single = new ArrayList<>();
        int calls = 0;
        for (int r = 0; r < runs; r++) {
            FakeHub hub = hub(events);
            String queue = LocalSqs.queue(sqs, "bench-" + System.nanoTime());
            String table = LocalMoto.table(dynamo, "bench-" + System.nanoTime());
            EventQueueSender sender = EventQueueSender.builder(sqs, queue).envelope(EventEnvelope.module("azure")).build();
            EventHubPoller p = new EventHubPoller(hub, new DynamoCheckpointStore(dynamo, table, "ns.example", "hub", "slk",
                    Clock.systemUTC()), sender, new PollLimits(events, Long.MAX_VALUE, 500, Duration.ofSeconds(1),
                    new StartPosition.Earliest()));
            long start = System.nanoTime();
            PollResult result = p.run(TimeBudget.of(Duration.ofMinutes(10), Duration.ZERO, System::nanoTime),
                    TimeBudget.of(Duration.ofMinutes(10), Duration.ZERO, System::nanoTime));
            poller.add(System.nanoTime() - start);
            calls = result.apiCalls();
            check(result.eventsDelivered() == events, "the poller delivered " + result.eventsDelivered());
            check(count(sqs, queue) == events, "the queue does not hold every event");

            String reference = LocalSqs.queue(sqs, "bench-ref-" + System.nanoTime());
            List<String> bodies = bodies(hub);
            start = System.nanoTime();
            for (String body : bodies) {
                sqs.sendMessage(m -> m.queueUrl(reference).messageBody(body));
            }
            single.add(System.nanoTime() - start);
        }
        print("poller, kit sender", events, calls, median(poller));
        print("one event per call (reference)", events, events, median(single));
        System.exit(0);
    }

    private static FakeHub hub(int events) {
        FakeHub hub = new FakeHub(4);
        for (int i = 0; i < events; i++) {
            String partition = Integer.toString(i % 4);
            // {"partition":"p","seq":n,"pad":"..."} padded to 1024 bytes
            int overhead = ("{\"partition\":\"" + partition + "\",\"seq\":" + (i / 4) + ",\"pad\":\"\"}").length();
            hub.add(partition, 1024 - overhead);
        }
        return hub;
    }

    private static List<String> bodies(FakeHub hub) {
        List<String> bodies = new ArrayList<>();
        for (String p : hub.partitionIds()) {
            for (ReceivedEvent e : hub.receive(p, new StartPosition.Earliest(), Integer.MAX_VALUE, Duration.ZERO)) {
                bodies.add(new String(e.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return bodies;
    }

    private static int count(SqsClient sqs, String queue) {
        int events = 0;
        for (String body : LocalSqs.drain(sqs, queue)) {
            events += body.split("\"seq\":", -1).length - 1;
        }
        return events;
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String way, int events, int calls, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-32s events %6d  SQS calls %6d  events/call %7.1f  wall %6.2f s  events/s %8.0f%n",
                way, events, calls, (double) events / calls, seconds, events / seconds);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
