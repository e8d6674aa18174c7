package dev.slk.lambda.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.slk.lambda.transformer.testing.JsonAssert.assertSameJson;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.transformer.testing.Batches;
import dev.slk.lambda.testing.FakeContext;
import dev.slk.lambda.transformer.testing.LocalS3;
import dev.slk.lambda.testing.LocalSqs;
import dev.slk.lambda.transformer.testing.Ocsf;
import dev.slk.lambda.transformer.testing.ParquetRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The handler end to end against S3Mock and ElasticMQ in this JVM. */
class EventTransformerHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX_FINDINGS = "ext/slkSecurityEvents/1.0/region=eu-west-1/accountId=123456789012/";
    private static final String PREFIX_AUTH = "ext/slkIdentity/2.0/region=eu-west-1/accountId=123456789012/";
    private static int buckets;

    @TempDir
    Path mappings;
    private S3Client s3;
    private SqsClient sqs;
    private String bucket;
    private String asffQueue;

    @BeforeEach
    void lake() throws Exception {
        s3 = LocalS3.client();
        bucket = LocalS3.bucket(s3, "lake-" + System.nanoTime() % 1_000_000_000 + "-" + buckets++);
        sqs = LocalSqs.client();
        asffQueue = LocalSqs.queue(sqs, "asff-" + bucket);
        Path demo = Files.createDirectories(mappings.resolve("demo"));
        Files.writeString(demo.resolve("login.yaml"), """
                mappings:
                  - id: demo-login
                    class: AUTHENTICATION
                    when:
                      - {path: $.event, equals: login}
                    ocsf:
                      activity_id: 1
                      time: {path: $.at, convert: {timestamp: epoch_seconds}}
                      severity_id: 1
                      user.name: {path: $.who, convert: lower}
                      metadata.uid: {path: $.id}
                      metadata.product.name: Demo
                      metadata.product.vendor_name: Example
                """);
    }

    private EventTransformerHandler handler(S3Client client) {
        Map<String, String> env = Map.of(
                "SECURITY_LAKE_BUCKET", bucket,
                "SECURITY_LAKE_SOURCES", """
                        [{"sourceName": "slkSecurityEvents", "sourceVersion": "1.0",
                          "eventClasses": ["SECURITY_FINDING", "DETECTION_FINDING"]},
                         {"sourceName": "slkIdentity", "sourceVersion": "2.0", "eventClasses": ["AUTHENTICATION"],
                          "location": "s3://%s/ext/slkIdentity/2.0/"}]""".formatted(bucket),
                "SLK_MAPPINGS_DIR", mappings.toString(),
                "ASFF_QUEUE_URL", asffQueue);
        TransformerSettings settings = TransformerSettings.fromEnvironment(env);
        return new EventTransformerHandler(TransformerRuntime.create(settings, client, sqs), "core", null);
    }

    private Map<String, List<ObjectNode>> lakeContent() {
        Map<String, List<ObjectNode>> out = new java.util.TreeMap<>();
        for (String key : LocalS3.keys(s3, bucket)) {
            out.put(key, ParquetRows.read(LocalS3.get(s3, bucket, key)).rows());
        }
        return out;
    }

    private static Set<String> uids(List<ObjectNode> rows) {
        return rows.stream().map(r -> r.path("metadata").path("uid").asText()).collect(Collectors.toSet());
    }

    @Test
    void everyBodyFormLandsAsOcsfRowsUnderItsSourcesPartition() throws Exception {
        long t = 1_741_564_800_000L; // 2025-03-10T00:00:00Z
        String envelope = JSON.writeValueAsString(Map.of(
                "event_data", JSON.readTree(AzureDefenderMappingTest.sampleAlert().toString()),
                "event_metadata", Map.of("module_id", "azure", "source", "eventhub"),
                "processing_metadata", Map.of("received_at", "2025-03-10T00:00:05Z")));
        SQSBatchResponse response = handler(s3).handleRequest(Batches.of(
                Ocsf.detectionFinding("single", t),
                "[" + Ocsf.detectionFinding("list-1", t + 1) + "," + Ocsf.detectionFinding("list-2", t + 2) + "]",
                "{\"events\": [" + Ocsf.authentication("events-1", t + 3) + "]}",
                envelope,
                "{\"event_data\": [{\"event\": \"login\", \"at\": 1741564800.5, \"who\": \"BOB\", \"id\": \"demo-1\"}],"
                        + " \"event_metadata\": {\"module_id\": \"demo\"}}"),
                FakeContext.of("req-forms"));

        assertEquals(Set.of(), Batches.failed(response));
        Map<String, List<ObjectNode>> lake = lakeContent();
        assertEquals(List.of(PREFIX_AUTH + "eventDay=20250310/", PREFIX_FINDINGS + "eventDay=20250309/",
                PREFIX_FINDINGS + "eventDay=20250310/"), lake.keySet().stream().map(k -> k.substring(0,
                k.lastIndexOf('/') + 1)).toList());
        lake.keySet().forEach(k -> assertTrue(k.matches(".*/slk-(2004|3002)-[0-9a-f]{24}\\.parquet"), k));

        List<ObjectNode> findings10 = lake.get(key(lake, PREFIX_FINDINGS + "eventDay=20250310/"));
        assertEquals(Set.of("single", "list-1", "list-2"), uids(findings10));
        ObjectNode single = findings10.stream().filter(r -> r.at("/metadata/uid").asText().equals("single"))
                .findFirst().orElseThrow();
        assertSameJson(JSON.readTree(Ocsf.detectionFinding("single", t)), single,
                "an OCSF record passes through unchanged");

        List<ObjectNode> alerts = lake.get(key(lake, PREFIX_FINDINGS + "eventDay=20250309/"));
        assertEquals(1, alerts.size());
        ObjectNode mapped = ((dev.slk.ocsf.mapping.MappingOutcome.Produced) BuiltInMappings.load().get(0)
                .apply(AzureDefenderMappingTest.sampleAlert())).ocsf();
        assertSameJson(asStored(mapped), alerts.get(0), "the Azure alert, mapped, field by field");

        List<ObjectNode> auth = lake.get(key(lake, PREFIX_AUTH + "eventDay=20250310/"));
        assertEquals(Set.of("events-1", "demo-1"), uids(auth));
        ObjectNode demo = auth.stream().filter(r -> r.at("/metadata/uid").asText().equals("demo-1")).findFirst()
                .orElseThrow();
        assertEquals("bob", demo.at("/user/name").asText());
        assertEquals(1_741_564_800_500L, demo.get("time").asLong());
        assertEquals(300201L, demo.get("type_uid").asLong());
    }

    @Test
    void eventDayComesFromTheEventsOwnTimeInUtcNotFromProcessingTime() throws Exception {
        String lastMs = Ocsf.detectionFinding("last-ms", 1_741_564_799_999L);  // 2025-03-09T23:59:59.999Z
        String firstMs = Ocsf.detectionFinding("first-ms", 1_741_564_800_000L); // 2025-03-10T00:00:00.000Z
        ObjectNode alert = (ObjectNode) AzureDefenderMappingTest.sampleAlert();
        alert.put("TimeGenerated", "2025-03-10T01:30:00+02:00"); // 2025-03-09T23:30Z
        alert.put("SystemAlertId", "offset-alert");
        SQSBatchResponse response = handler(s3).handleRequest(Batches.of(lastMs, firstMs, alert.toString()),
                FakeContext.of("req-midnight"));
        assertEquals(Set.of(), Batches.failed(response));
        Map<String, List<ObjectNode>> lake = lakeContent();
        assertEquals(Set.of("last-ms", "offset-alert"), uids(lake.get(key(lake, PREFIX_FINDINGS + "eventDay=20250309/"))));
        assertEquals(Set.of("first-ms"), uids(lake.get(key(lake, PREFIX_FINDINGS + "eventDay=20250310/"))));
    }

    @Test
    void poisonRecordsAreBatchItemFailuresAndLeaveNoRow() throws Exception {
        long t = 1_741_564_800_000L;
        ObjectNode noSeverity = (ObjectNode) JSON.readTree(Ocsf.detectionFinding("no-severity", t));
        noSeverity.remove("severity_id");
        SQSBatchResponse response = handler(s3).handleRequest(Batches.of(
                "this is not json",
                "[1, 2]",
                "{\"hello\": \"world\"}",
                noSeverity.toString(),
                "[" + Ocsf.detectionFinding("good-in-bad-message", t) + ", {\"class_uid\": 2004}]",
                Ocsf.detectionFinding("good", t),
                "{\"event_data\": {\"event\": \"login\", \"at\": \"soon\"}, \"event_metadata\": {\"module_id\": \"demo\"}}",
                "[]"),
                FakeContext.of("req-poison"));
        assertEquals(Set.of("m0", "m1", "m2", "m3", "m4", "m6"), Batches.failed(response));
        Map<String, List<ObjectNode>> lake = lakeContent();
        assertEquals(1, lake.size());
        assertEquals(Set.of("good"), uids(lake.values().iterator().next()));
    }

    @Test
    void aFailedWriteFailsExactlyTheMessagesOfThatGroup() throws Exception {
        long day9 = 1_741_478_400_000L;  // 2025-03-09
        long day10 = 1_741_564_800_000L; // 2025-03-10
        Predicate<String> day10Fails = key -> key.contains("eventDay=20250310/");
        SQSBatchResponse response = handler(LocalS3.client(day10Fails)).handleRequest(Batches.of(
                Ocsf.detectionFinding("a9", day9),
                Ocsf.detectionFinding("b10", day10),
                "[" + Ocsf.detectionFinding("c9", day9) + "," + Ocsf.detectionFinding("c10", day10) + "]",
                Ocsf.authentication("d10", day10),
                Ocsf.detectionFinding("e9", day9)),
                FakeContext.of("req-s3-fault"));
        assertEquals(Set.of("m1", "m2", "m3"), Batches.failed(response),
                "every message with an event in a day-10 group fails, nothing else");
        Map<String, List<ObjectNode>> lake = lakeContent();
        assertEquals(1, lake.size(), lake.keySet().toString());
        List<ObjectNode> rows = lake.get(key(lake, PREFIX_FINDINGS + "eventDay=20250309/"));
        assertEquals(Set.of("a9", "e9"), uids(rows), "c9 was taken back out: its message failed");
        assertEquals(2, rows.size());
    }

    @Test
    void asffFormsReachTheAsffQueueWithTheAccountFieldsFilledIn() throws Exception {
        LocalSqs.drain(sqs, asffQueue);
        SQSBatchResponse response = handler(s3).handleRequest(Batches.of(
                AzureDefenderMappingTest.sampleAlert().toString(), Ocsf.detectionFinding("no-asff", 1_741_564_800_000L)),
                FakeContext.of("req-asff"));
        assertEquals(Set.of(), Batches.failed(response));
        List<String> sent = LocalSqs.drain(sqs, asffQueue);
        assertEquals(1, sent.size());
        JsonNode finding = JSON.readTree(sent.get(0));
        assertEquals("123456789012", finding.get("AwsAccountId").asText());
        assertEquals("arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default",
                finding.get("ProductArn").asText());
        assertEquals("2018-10-08", finding.get("SchemaVersion").asText());
        assertEquals("HIGH", finding.at("/Severity/Label").asText());
    }

    @Test
    void everyInvocationLogLineCarriesTheModuleIdAndRequestId() throws Exception {
        handler(s3).handleRequest(Batches.of("{\"not\": \"mapped\"}", Ocsf.detectionFinding("ok", 1L)),
                FakeContext.of("req-log-check"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/lambda-test-log.jsonl"))) {
            JsonNode json = JSON.readTree(line);
            if ("req-log-check".equals(json.path("function_request_id").asText())) {
                lines.add(json);
            }
        }
        assertTrue(lines.size() >= 2, lines.toString());
        Set<String> messages = lines.stream().map(l -> l.path("message").asText()).collect(Collectors.toSet());
        assertTrue(messages.containsAll(Set.of("message failed", "batch transformed")), messages.toString());
        for (JsonNode line : lines) {
            assertEquals("core", line.path("module_id").asText(), line.toString());
            assertFalse(line.path("level").asText().isEmpty());
        }
        JsonNode failed = lines.stream().filter(l -> l.path("message").asText().equals("message failed")).findFirst()
                .orElseThrow();
        assertEquals("m0", failed.path("message_id").asText());
        assertTrue(failed.path("reason").asText().startsWith("no mapping matches the event"), failed.toString());
    }

    private static String key(Map<String, List<ObjectNode>> lake, String prefix) {
        return lake.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError("no object under " + prefix + " in " + lake.keySet()));
    }

    /** The record as Parquet gives it back: fields sorted, json_t and unmapped values as text. */
    private static JsonNode asStored(ObjectNode record) {
        ObjectNode copy = record.deepCopy();
        JsonNode unmapped = copy.get("unmapped");
        if (unmapped instanceof ObjectNode u) {
            u.properties().forEach(e -> u.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                    : e.getValue().toString()));
        }
        return copy;
    }
}
