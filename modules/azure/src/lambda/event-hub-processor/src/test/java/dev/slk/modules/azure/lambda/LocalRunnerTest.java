/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.testing.FakeCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local runner, run as a developer runs it: SQS, Secrets Manager and DynamoDB on moto_server
 * (one local endpoint, 127.0.0.1), the Event Hub's events from a file, no AWS and no Azure.
 */
class LocalRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "bGlzdGVuLW9ubHkta2V5LXZhbHVlLTAxMjM0NTY3ODk=";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SqsClient sqs = SqsClient.builder().endpointOverride(LocalMoto.endpoint()).region(Region.EU_WEST_1)
            .credentialsProvider(FakeCredentials.provider()).httpClient(UrlConnectionHttpClient.create()).build();
    private String queue;
    private String table;
    private String secret;

    @TempDir
    Path temp;

    @BeforeEach
    void start() {
        long id = System.nanoTime();
        queue = sqs.createQueue(r -> r.queueName("runner-" + id)).queueUrl();
        table = LocalMoto.table(LocalMoto.dynamo(), "runner-" + id);
        secret = "azure-runner-" + id;
        LocalMoto.secrets().createSecret(r -> r.name(secret).secretString("{\"eventHubName\": \"defender\", "
                + "\"connectionString\": \"Endpoint=sb://localhost;SharedAccessKeyName=slk-listen;SharedAccessKey=" + KEY
                + ";UseDevelopmentEmulator=true\"}"));
        // The runner uses the SDK's default credentials chain; system properties come first in it.
        System.setProperty("aws.accessKeyId", FakeCredentials.provider().resolveCredentials().accessKeyId());
        System.setProperty("aws.secretAccessKey", FakeCredentials.provider().resolveCredentials().secretAccessKey());
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        sqs.close();
    }

    private Map<String, String> environment() {
        return Map.of("EVENT_QUEUE_URL", queue, "CREDENTIALS_SECRET_NAME", secret, "CHECKPOINT_TABLE_NAME", table,
                "START_POSITION", "earliest", "RECEIVE_WAIT_SECONDS", "1");
    }

    private int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return LocalRunner.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path events(String... lines) throws IOException {
        return Files.write(temp.resolve("events.jsonl"), List.of(lines));
    }

    @Test
    void runsTheHandlerAgainstLocalServersAndTheNextRunResumesFromTheCheckpoint() throws IOException {
        Path file = events("{\"records\": [{\"category\": \"SignInLogs\", \"time\": \"2026-11-30T09:41:02Z\"},"
                + " {\"category\": \"AuditLogs\"}]}", "", "[{\"AlertType\": \"VM_X\"}]", "not JSON at all");
        String[] args = {"--region", "eu-west-1", "--endpoint-url", LocalMoto.endpoint().toString(), "--events-file",
            file.toString()};

        assertEquals(0, run(environment(), args), err.toString(StandardCharsets.UTF_8));
        JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(3, result.path("eventsDelivered").asInt(), result.toString());
        assertEquals(4, result.path("records").asInt(), result.toString());
        List<JsonNode> records = new ArrayList<>();
        for (var message : sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages()) {
            JsonNode body = JSON.readTree(message.body());
            assertEquals("azure", body.at("/event_metadata/module_id").asText());
            body.path("event_data").forEach(records::add);
        }
        assertEquals(4, records.size());
        assertEquals("not JSON at all", records.get(3).path("azure_event_body").asText());
        assertTrue(records.stream().allMatch(r -> r.path("slk_enqueued_time").isIntegralNumber()), records.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\"ConsumerLag\""), "the lag metric is printed");

        assertEquals(0, run(environment(), args), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("eventsDelivered").asInt(),
                "the checkpoint in DynamoDB holds: nothing is read twice");
    }

    @Test
    void aRunThatFailsExitsWithOneAndNamesTheFailureWithoutTheSecret() throws IOException {
        Map<String, String> environment = new java.util.HashMap<>(environment());
        environment.put("CREDENTIALS_SECRET_NAME", "no-such-secret");
        assertEquals(1, run(environment, "--region", "eu-west-1", "--endpoint-url", LocalMoto.endpoint().toString(),
                "--events-file", events("{}").toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("run failed: "), message);
        assertFalse(message.contains(KEY.substring(0, 6)), message);
    }

    @Test
    void badOptionsAMissingVariableOrAnUnreadableFileAreUsageErrors() {
        assertEquals(2, run(environment(), "--verbose", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(LocalRunner.USAGE));
        assertEquals(2, run(environment(), "--region"));
        assertEquals(2, run(Map.of(), "--region", "eu-west-1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("environment variable EVENT_QUEUE_URL is not set"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run(environment(), "--events-file", temp.resolve("missing.jsonl").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cannot read the events file "),
                err.toString(StandardCharsets.UTF_8));
    }
}
