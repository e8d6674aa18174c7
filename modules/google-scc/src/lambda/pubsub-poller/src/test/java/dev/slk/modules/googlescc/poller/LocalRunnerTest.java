/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.testing.FakeCredentials;
import dev.slk.lambda.testing.LocalSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The local runner against a Pub/Sub emulator stand-in (the in-process fake) and SQS on ElasticMQ, without AWS. */
class LocalRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SqsClient sqs = LocalSqs.client();
    private String queue;
    private FakePubSub pubsub;

    @BeforeEach
    void start() throws Exception {
        queue = LocalSqs.queue(sqs, "local-runner-" + System.nanoTime());
        pubsub = new FakePubSub(30);
        // The runner uses the SDK's default credentials chain; system properties come first in it.
        System.setProperty("aws.accessKeyId", FakeCredentials.provider().resolveCredentials().accessKeyId());
        System.setProperty("aws.secretAccessKey", FakeCredentials.provider().resolveCredentials().secretAccessKey());
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        pubsub.close();
    }

    private int run(Map<String, String> environment, String... args) {
        return LocalRunner.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, String> environment() {
        return Map.of("EVENT_QUEUE_URL", queue, "GCP_PROJECT_ID", "acme-scc-4711", "GCP_SUBSCRIPTION_ID", "scc-findings",
                "ACK_DEADLINE_SECONDS", "30");
    }

    private String[] local(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--region", "eu-west-1", "--endpoint-url",
                LocalSqs.endpoint().toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void runsThePollerOnceAgainstTheEmulatorAndPrintsItsResult() throws Exception {
        for (int i = 1; i <= 3; i++) {
            pubsub.publish(Notifications.finding(i));
        }

        int code = run(environment(), local("--pubsub-emulator", pubsub.endpoint()));

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("{\"subscription\":\"" + FakePubSub.SUBSCRIPTION + "\",\"pulled\":3,\"acknowledged\":3,"
                + "\"backlog\":false}", out.toString(StandardCharsets.UTF_8).trim());
        assertEquals(0, pubsub.unacknowledged());
        JsonNode sent = JSON.readTree(LocalSqs.drain(sqs, queue).get(0));
        assertEquals("google-scc", sent.at("/event_metadata/module_id").asText(), sent.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\"MessagesAcknowledged\":3"), err.toString());
    }

    @Test
    void theEmulatorCanBeNamedAsGoogleClientsNameItAndThenNoSecretIsNeeded() {
        pubsub.publish(Notifications.finding(7));
        Map<String, String> environment = new HashMap<>(environment());
        environment.put(LocalRunner.EMULATOR_VARIABLE, pubsub.endpoint());

        int code = run(environment, local());

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"acknowledged\":1"), out.toString());
        assertNull(PollerConfig.fromEnvironment(environment, false).secretName());
    }

    @Test
    void aFailedRunExitsWithOneAndSaysWhy() {
        pubsub.publish("[1, 2]");

        int code = run(environment(), local("--pubsub-emulator", pubsub.endpoint()));

        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("run failed: "), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, pubsub.unacknowledged());
    }

    @Test
    void withoutAnEmulatorTheCredentialSecretIsRequired() {
        int code = run(environment(), local());

        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("run failed: environment variable"
                + " CREDENTIALS_SECRET_NAME is not set"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownOrIncompleteOptionsPrintTheUsage() {
        assertEquals(2, run(environment(), "--verbose", "yes"));
        assertEquals(2, run(environment(), "--region"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(LocalRunner.USAGE));
    }
}
