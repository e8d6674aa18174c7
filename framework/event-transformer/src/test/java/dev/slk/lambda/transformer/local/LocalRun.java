package dev.slk.lambda.transformer.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.transformer.EventTransformerHandler;
import dev.slk.lambda.transformer.TransformerRuntime;
import dev.slk.lambda.transformer.TransformerSettings;
import dev.slk.lambda.transformer.testing.Batches;
import dev.slk.lambda.testing.FakeContext;
import dev.slk.lambda.transformer.testing.LocalS3;
import dev.slk.lambda.testing.LocalSqs;
import dev.slk.lambda.transformer.testing.ParquetRows;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The transformer's local run: feeds a JSON file of events to the real handler against S3Mock and
 * ElasticMQ in this JVM and prints what it wrote (objects, Parquet schema, rows) and sent (ASFF).
 * The function's structured log goes to stderr. Run it with {@code framework/event-transformer/local-run.sh}.
 */
public final class LocalRun {
    private LocalRun() {
    }

    /**
     * @param args {@code FILE [--mappings DIR] [--module ID] [--schema]}
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path file = null;
        Path mappings = Path.of("target", "no-module-mappings");
        String module = null;
        boolean schema = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mappings" -> mappings = Path.of(args[++i]);
                case "--module" -> module = args[++i];
                case "--schema" -> schema = true;
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null || !Files.isRegularFile(file)) {
            System.err.println("usage: local-run.sh EVENTS.json [--mappings DIR] [--module ID] [--schema]");
            System.err.println(file == null ? "no events file given" : file + ": no such file");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode content;
        try {
            content = json.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            System.err.println(file + at + ": not JSON: " + e.getOriginalMessage());
            System.exit(2);
            return;
        }
        // A list becomes one message per element, so that a bad event fails alone, as separate module sends would.
        List<String> bodies = new ArrayList<>();
        for (JsonNode element : content.isArray() ? content : List.of(content)) {
            bodies.add(module == null ? element.toString() : json.writeValueAsString(Map.of("event_data", element,
                    "event_metadata", Map.of("module_id", module))));
        }

        S3Client s3 = LocalS3.client();
        String bucket = LocalS3.bucket(s3, "local-lake-" + System.currentTimeMillis() % 100_000);
        SqsClient sqs = LocalSqs.client();
        String asffQueue = LocalSqs.queue(sqs, "local-asff");
        String allClasses = json.writeValueAsString(dev.slk.ocsf.schema.OcsfClasses.all().keySet());
        TransformerSettings settings = TransformerSettings.fromEnvironment(Map.of(
                "SECURITY_LAKE_BUCKET", bucket,
                "SECURITY_LAKE_SOURCES", "[{\"sourceName\": \"slkLocal\", \"sourceVersion\": \"1.0\", \"eventClasses\": "
                        + allClasses + "}]",
                "SLK_MAPPINGS_DIR", mappings.toString(),
                "ASFF_QUEUE_URL", asffQueue));
        EventTransformerHandler handler = new EventTransformerHandler(TransformerRuntime.create(settings, s3, sqs),
                "core", null);
        SQSEvent event = Batches.of(bodies.toArray(String[]::new));
        SQSBatchResponse response = handler.handleRequest(event, FakeContext.of("local-run"));

        Set<String> failed = Batches.failed(response);
        out.printf("batch: %d message(s), %d failed%s%n", bodies.size(), failed.size(),
                failed.isEmpty() ? "" : " " + failed + " (reasons in the log on stderr: \"message failed\")");
        for (String key : LocalS3.keys(s3, bucket)) {
            byte[] bytes = LocalS3.get(s3, bucket, key);
            ParquetRows.Content parquet = ParquetRows.read(bytes);
            out.printf("%ns3://%s/%s%n  %d row(s), %d bytes, %s%n", bucket, key, parquet.rows().size(), bytes.length,
                    parquet.codec());
            if (schema) {
                out.println(parquet.schema().toString().indent(2).stripTrailing());
            }
            parquet.rows().forEach(r -> out.println("  " + r));
        }
        List<String> findings = LocalSqs.drain(sqs, asffQueue);
        out.printf("%nASFF queue: %d finding(s)%n", findings.size());
        findings.forEach(f -> out.println("  " + f));
        System.exit(0);
    }
}
