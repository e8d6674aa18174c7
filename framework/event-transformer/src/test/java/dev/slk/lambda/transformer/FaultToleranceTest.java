package dev.slk.lambda.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.transformer.testing.Batches;
import dev.slk.lambda.transformer.testing.FakeContext;
import dev.slk.lambda.transformer.testing.LocalS3;
import dev.slk.lambda.transformer.testing.Ocsf;
import dev.slk.lambda.transformer.testing.ParquetRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * 10,000 events in randomly shaped messages, with poison events, unreadable bodies and S3 writes
 * that fail at random (first writes and rewrites alike). Every event must end up in exactly one
 * Parquet row or in a message reported as a batch item failure, never both, never twice.
 */
class FaultToleranceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 10_000;
    private static final long DAY0 = 1_741_478_400_000L; // 2025-03-09T00:00Z

    private record Sent(String messageId, List<String> eventIds, boolean poisoned) {
    }

    @Test
    void everyEventIsInExactlyOneRowOrInAFailedMessage() throws Exception {
        long seed = Long.getLong("slk.fault.seed", 20_250_309L);
        Random random = new Random(seed);
        S3Client plain = LocalS3.client();
        String bucket = LocalS3.bucket(plain, "fault-" + System.nanoTime() % 1_000_000_000);
        AtomicInteger injected = new AtomicInteger();
        Random s3Faults = new Random(seed + 1);
        S3Client faulty = LocalS3.client(key -> {
            synchronized (s3Faults) {
                boolean fail = s3Faults.nextDouble() < 0.03;
                if (fail) {
                    injected.incrementAndGet();
                }
                return fail;
            }
        });
        TransformerSettings settings = TransformerSettings.fromEnvironment(Map.of(
                "SECURITY_LAKE_BUCKET", bucket,
                "SECURITY_LAKE_SOURCES", """
                        [{"sourceName": "findings", "sourceVersion": "1.0", "eventClasses": ["DETECTION_FINDING"]},
                         {"sourceName": "identity", "sourceVersion": "1.0", "eventClasses": ["AUTHENTICATION"]}]""",
                "SLK_MAPPINGS_DIR", Path.of("target", "no-module-mappings").toString()));
        EventTransformerHandler handler = new EventTransformerHandler(TransformerRuntime.create(settings, faulty, null),
                "core", null);

        List<Sent> sent = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        int next = 0;
        int poisonEvents = 0;
        while (next < EVENTS) {
            int size = Math.min(EVENTS - next, 1 + random.nextInt(12));
            List<String> ids = new ArrayList<>();
            List<String> events = new ArrayList<>();
            boolean poisoned = false;
            for (int i = 0; i < size; i++) {
                String id = "e" + next++;
                ids.add(id);
                long time = DAY0 + random.nextInt(5) * 86_400_000L + random.nextInt(86_400_000);
                double kind = random.nextDouble();
                if (kind < 0.004) {
                    ObjectNode bad = (ObjectNode) JSON.readTree(Ocsf.detectionFinding(id, time));
                    bad.put("time", "not a timestamp");
                    events.add(bad.toString());
                    poisoned = true;
                    poisonEvents++;
                } else if (kind < 0.304) {
                    events.add(Ocsf.authentication(id, time));
                } else if (kind < 0.504) {
                    ObjectNode alert = (ObjectNode) AzureDefenderMappingTest.sampleAlert();
                    alert.put("SystemAlertId", id);
                    alert.put("TimeGenerated", java.time.Instant.ofEpochMilli(time).toString());
                    events.add(alert.toString());
                } else {
                    events.add(Ocsf.detectionFinding(id, time));
                }
            }
            String body = switch (random.nextInt(4)) {
                case 0 -> events.size() == 1 ? events.get(0) : "[" + String.join(",", events) + "]";
                case 1 -> "[" + String.join(",", events) + "]";
                case 2 -> "{\"events\": [" + String.join(",", events) + "]}";
                default -> "{\"event_data\": [" + String.join(",", events) + "], \"event_metadata\": {\"module_id\": \"m\"}}";
            };
            if (random.nextDouble() < 0.02) {
                body = body.substring(0, body.length() / 2); // truncated: not JSON
                poisoned = true;
            }
            sent.add(new Sent("msg-" + sent.size(), ids, poisoned));
            bodies.add(body);
        }

        Set<String> failedMessages = new HashSet<>();
        int batches = 0;
        for (int from = 0; from < sent.size(); from += 25) {
            SQSEvent batch = new SQSEvent();
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (int i = from; i < Math.min(from + 25, sent.size()); i++) {
                records.add(Batches.message(sent.get(i).messageId(), bodies.get(i)));
            }
            batch.setRecords(records);
            SQSBatchResponse response = handler.handleRequest(batch, FakeContext.of("fault-" + batches++));
            failedMessages.addAll(Batches.failed(response));
        }

        Map<String, Integer> rowsPerEvent = new HashMap<>();
        for (String key : LocalS3.keys(plain, bucket)) {
            for (ObjectNode row : ParquetRows.read(LocalS3.get(plain, bucket, key)).rows()) {
                rowsPerEvent.merge(row.at("/metadata/uid").asText(), 1, Integer::sum);
            }
        }
        int written = 0;
        int inFailures = 0;
        for (Sent s : sent) {
            boolean failed = failedMessages.contains(s.messageId());
            if (s.poisoned()) {
                assertTrue(failed, s.messageId() + " carries a poison event or body and must fail");
            }
            for (String id : s.eventIds()) {
                int rows = Optional.ofNullable(rowsPerEvent.remove(id)).orElse(0);
                if (failed) {
                    assertEquals(0, rows, id + " is in failed message " + s.messageId() + " and must have no row");
                    inFailures++;
                } else {
                    assertEquals(1, rows, id + " is in acknowledged message " + s.messageId() + " and needs one row");
                    written++;
                }
            }
        }
        assertEquals(Map.of(), rowsPerEvent, "rows for events nobody sent");
        assertEquals(EVENTS, written + inFailures);
        assertTrue(injected.get() > 0 && poisonEvents > 0 && written > EVENTS / 2, "faults were injected and most "
                + "events still landed: injected=" + injected + " poison=" + poisonEvents + " written=" + written);
        System.out.printf("fault test: %d events in %d messages, %d batches; %d S3 puts failed on purpose, "
                + "%d poison events; %d events written once, %d in %d failed messages%n", EVENTS, sent.size(), batches,
                injected.get(), poisonEvents, written, inFailures, failedMessages.size());
    }
}
