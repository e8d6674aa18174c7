package dev.slk.lambda.transformer.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.transformer.EventTransformerHandler;
import dev.slk.lambda.transformer.TransformerRuntime;
import dev.slk.lambda.transformer.TransformerSettings;
import dev.slk.lambda.transformer.testing.Batches;
import dev.slk.lambda.transformer.testing.FakeContext;
import dev.slk.lambda.transformer.testing.LocalS3;
import dev.slk.lambda.transformer.testing.Ocsf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Transformer throughput: one warm invocation over a batch of 1,000 messages carrying 10,000 events
 * (50% OCSF records passed through, 30% Azure Defender alerts mapped, 20% OCSF authentications),
 * spread over three event days, written to S3Mock in this JVM. Run by bench/event-transformer.sh.
 */
public final class ThroughputBench {
    private ThroughputBench() {
    }

    /** @param args {@code [warmups] [runs]} */
    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        S3Client s3 = LocalS3.client();
        String bucket = LocalS3.bucket(s3, "bench-" + System.currentTimeMillis() % 100_000);
        TransformerSettings settings = TransformerSettings.fromEnvironment(Map.of(
                "SECURITY_LAKE_BUCKET", bucket,
                "SECURITY_LAKE_SOURCES", """
                        [{"sourceName": "findings", "sourceVersion": "1.0", "eventClasses": ["DETECTION_FINDING"]},
                         {"sourceName": "identity", "sourceVersion": "1.0", "eventClasses": ["AUTHENTICATION"]}]""",
                "SLK_MAPPINGS_DIR", Path.of("target", "no-module-mappings").toString()));
        EventTransformerHandler handler = new EventTransformerHandler(TransformerRuntime.create(settings, s3, null),
                "core", null);
        String alert = new String(ThroughputBench.class.getResourceAsStream("/events/azure-defender-alert.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Random random = new Random(42);
        long day0 = 1_741_478_400_000L;
        int events = 0;
        long bytes = 0;
        List<String> bodies = new ArrayList<>();
        for (int m = 0; m < 1_000; m++) {
            List<String> batch = new ArrayList<>();
            for (int e = 0; e < 10; e++) {
                String id = "b" + events++;
                long time = day0 + random.nextInt(3) * 86_400_000L + random.nextInt(86_400_000);
                double kind = random.nextDouble();
                if (kind < 0.5) {
                    batch.add(Ocsf.detectionFinding(id, time));
                } else if (kind < 0.8) {
                    ObjectNode a = (ObjectNode) json.readTree(alert);
                    a.put("SystemAlertId", id);
                    a.put("TimeGenerated", java.time.Instant.ofEpochMilli(time).toString());
                    batch.add(a.toString());
                } else {
                    batch.add(Ocsf.authentication(id, time));
                }
            }
            String body = "[" + String.join(",", batch) + "]";
            bytes += body.length();
            bodies.add(body);
        }
        double[] rates = new double[runs];
        for (int i = 0; i < warmups + runs; i++) {
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (int m = 0; m < bodies.size(); m++) {
                records.add(Batches.message("run" + i + "-m" + m, bodies.get(m)));
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            long start = System.nanoTime();
            SQSBatchResponse response = handler.handleRequest(event, FakeContext.of("bench-" + i));
            long nanos = System.nanoTime() - start;
            if (!response.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("bench batch had failures: " + response.getBatchItemFailures().size());
            }
            if (i >= warmups) {
                rates[i - warmups] = events / (nanos / 1e9);
            }
            System.err.printf("%s %d: %d events in %.0f ms (%.0f events/s)%n", i < warmups ? "warm-up" : "run", i,
                    events, nanos / 1e6, events / (nanos / 1e9));
        }
        Arrays.sort(rates);
        System.out.printf("throughput: %d events (%d messages, %.1f MB of JSON) per invocation; warm invocations: "
                + "median %.0f events/s, best %.0f, worst %.0f (%d runs after %d warm-ups)%n", events, bodies.size(),
                bytes / 1e6, rates[runs / 2], rates[runs - 1], rates[0], runs, warmups);
        System.exit(0);
    }
}
