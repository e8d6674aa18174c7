/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local runner against local stand-ins for SQS, Secrets Manager and the source. */
class LocalRunnerTest {
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/000000000000/events";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeAws aws;
    private FakeSource source;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws().queue(QUEUE).secret("{{secretName}}", "{\"apiKey\": \"" + UUID.randomUUID() + "\"}");
        source = new FakeSource().answer(200, "[{\"id\": 1}]");
        // The runner uses the SDK's default credentials chain; system properties come first in it.
        System.setProperty("aws.accessKeyId", TestAws.CREDENTIALS.resolveCredentials().accessKeyId());
        System.setProperty("aws.secretAccessKey", TestAws.CREDENTIALS.resolveCredentials().secretAccessKey());
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        aws.close();
        source.close();
        assertTrue(aws.problems().isEmpty(), aws.problems().toString());
    }

    private int run(Map<String, String> environment, String... args) {
        return LocalRunner.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, String> environment() {
        return Map.of("EVENT_QUEUE_URL", QUEUE, "CREDENTIALS_SECRET_NAME", "{{secretName}}",
                "SOURCE_URL", source.url().toString());
    }

    @Test
    void runsTheHandlerOnceAndPrintsItsResult() {
        int code = run(environment(), "--region", "us-east-1", "--endpoint-url", aws.endpoint().toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("{\"eventsFetched\":1,\"eventsSent\":1}", out.toString(StandardCharsets.UTF_8).trim());
        assertEquals(List.of(List.of("{\"event_metadata\":{\"module_id\":\"{{moduleId}}\"},\"event_data\":[{\"id\":1}]}")),
                aws.batches());
    }

    @Test
    void aFailedRunExitsWithOne() {
        source.answer(502, "bad gateway");
        int code = run(environment(), "--region", "us-east-1", "--endpoint-url", aws.endpoint().toString());
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("run failed: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownOrIncompleteOptionsPrintTheUsage() {
        assertEquals(2, run(environment(), "--verbose"));
        assertEquals(2, run(environment(), "--region"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(LocalRunner.USAGE));
    }
}
