/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.LocalContext;
import dev.slk.lambda.kit.LocalEvents;
import dev.slk.lambda.kit.UndeliveredEventsException;
import dev.slk.lambda.testing.LocalSqs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One scheduled run, end to end: the secret from Secrets Manager, the events from the source, onto a real queue. */
class EventProcessorHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String apiKey = UUID.randomUUID().toString();
    private FakeAws aws;
    private FakeSource source;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws().secret("{{secretName}}", "{\"apiKey\": \"" + apiKey + "\"}");
        source = new FakeSource();
    }

    @AfterEach
    void stop() {
        aws.close();
        source.close();
        assertTrue(aws.problems().isEmpty(), aws.problems().toString());
    }

    private Clients clients(String queueUrl, java.net.URI sqsEndpoint) {
        Clients.Settings settings = new Clients.Settings(queueUrl, "{{secretName}}", source.url(), Optional.empty(),
                Optional.empty());
        return Clients.create(settings, TestAws.sqs(sqsEndpoint), TestAws.secretsManager(aws.endpoint()));
    }

    private static LocalContext context() {
        return new LocalContext("test", LocalRunner.TIMEOUT, System.err);
    }

    @Test
    void aScheduledRunSendsEveryFetchedEventToTheEventQueueInTheModuleEnvelope() throws Exception {
        String queue;
        List<String> bodies;
        try (SqsClient sqs = LocalSqs.client()) {
            queue = LocalSqs.queue(sqs, "events-" + UUID.randomUUID());
            source.answer(200, "[{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}]");
            Clients clients = clients(queue, LocalSqs.endpoint());
            EventProcessorHandler handler = new EventProcessorHandler(() -> clients);

            Map<String, Object> result = handler.handleRequest(LocalEvents.scheduled(), context());
            assertEquals(Map.of("eventsFetched", 3, "eventsSent", 3), result);
            assertEquals(List.of("Bearer " + apiKey), source.authorizations());

            handler.handleRequest(Map.of(), context());
            assertEquals(List.of("{{secretName}}"), aws.secretReads(), "the second run reuses the cached secret");
            bodies = LocalSqs.drain(sqs, queue);
        }
        // The two runs sent three events each, packed into one message per run.
        assertEquals(2, bodies.size(), bodies.toString());
        for (String body : bodies) {
            JsonNode message = JSON.readTree(body);
            assertEquals("{{moduleId}}", message.at("/event_metadata/module_id").asText());
            assertEquals("[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]", message.path("event_data").toString());
        }
    }

    @Test
    void aRunThatCannotDeliverEveryEventFailsSoLambdaRetriesIt() {
        String queue = "https://sqs.us-east-1.amazonaws.com/000000000000/events";
        aws.queue(queue).answer(new FakeAws.Answer.FailEntries(1, "InvalidMessageContents", true));
        source.answer(200, "[{\"id\": 1}, {\"id\": 2}]");
        EventProcessorHandler handler = new EventProcessorHandler(() -> clients(queue, aws.endpoint()));
        UndeliveredEventsException e = assertThrows(UndeliveredEventsException.class,
                () -> handler.handleRequest(null, context()));
        assertTrue(e.getMessage().startsWith("2 of 2 events were not accepted by the event queue"), e.getMessage());
        assertTrue(e.getMessage().contains("InvalidMessageContents"), e.getMessage());
    }

    @Test
    void aFailingSourceFailsTheRun() {
        source.answer(500, "boom");
        EventProcessorHandler handler = new EventProcessorHandler(
                () -> clients("https://sqs.us-east-1.amazonaws.com/000000000000/events", aws.endpoint()));
        assertThrows(SourceClient.SourceException.class,
                () -> handler.handleRequest(LocalEvents.scheduled(), context()));
        assertTrue(aws.batches().isEmpty());
    }

    @Test
    void theRuntimesHandlerNeedsTheModulesEnvironment() {
        // The test JVM has none of the function's variables, like a function deployed without the module.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new EventProcessorHandler().handleRequest(Map.of(), context()));
        assertTrue(e.getMessage().startsWith("environment variable EVENT_QUEUE_URL is not set"), e.getMessage());
    }

    @Test
    void clientsComeFromTheFunctionsEnvironment() {
        Clients clients = Clients.fromEnvironment(Map.of("EVENT_QUEUE_URL", "https://sqs.example/1/q",
                "CREDENTIALS_SECRET_NAME", "{{secretName}}", "SOURCE_URL", "https://api.example.com/v1/events",
                "AWS_REGION", "us-east-1"));
        assertTrue(clients.source() != null && clients.sender() != null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Clients.fromEnvironment(Map.of("EVENT_QUEUE_URL", "q", "SOURCE_URL", "https://x")));
        assertTrue(e.getMessage().startsWith("environment variable CREDENTIALS_SECRET_NAME is not set"), e.getMessage());
    }
}
