/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One scheduled run, end to end: the secret from Secrets Manager, the events from the source, onto a real queue. */
class EventProcessorHandlerTest {
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

    @Test
    void aScheduledRunSendsEveryFetchedEventToTheEventQueue() {
        LocalSqs sqs = LocalSqs.shared();
        String queue = sqs.newQueue();
        source.answer(200, "[{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}]");
        Clients clients = clients(queue, sqs.endpoint());
        EventProcessorHandler handler = new EventProcessorHandler(() -> clients);

        Map<String, Object> result = handler.handleRequest(LocalRunner.scheduledEvent(), new LocalContext("test"));
        assertEquals(Map.of("eventsFetched", 3, "eventsSent", 3), result);
        assertEquals(List.of("{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"c\"}"), sqs.drain(queue).stream().sorted().toList());
        assertEquals(List.of("Bearer " + apiKey), source.authorizations());

        handler.handleRequest(Map.of(), new LocalContext("test"));
        assertEquals(List.of("{{secretName}}"), aws.secretReads(), "the second run reuses the cached secret");
    }

    @Test
    void aRunThatCannotDeliverEveryEventFailsSoLambdaRetriesIt() {
        String queue = "https://sqs.us-east-1.amazonaws.com/000000000000/events";
        aws.queue(queue).answer(new FakeAws.Answer.FailEntries(1, "InvalidMessageContents", true));
        source.answer(200, "[{\"id\": 1}, {\"id\": 2}]");
        EventProcessorHandler handler = new EventProcessorHandler(() -> clients(queue, aws.endpoint()));
        EventProcessorHandler.DeliveryException e = assertThrows(EventProcessorHandler.DeliveryException.class,
                () -> handler.handleRequest(null, new LocalContext("test")));
        assertEquals("1 of 2 events could not be sent to the event queue; first failure: InvalidMessageContents",
                e.getMessage());
    }

    @Test
    void aFailingSourceFailsTheRun() {
        source.answer(500, "boom");
        EventProcessorHandler handler = new EventProcessorHandler(
                () -> clients("https://sqs.us-east-1.amazonaws.com/000000000000/events", aws.endpoint()));
        assertThrows(SourceClient.SourceException.class,
                () -> handler.handleRequest(LocalRunner.scheduledEvent(), new LocalContext("test")));
        assertTrue(aws.batches().isEmpty());
    }

    @Test
    void theRuntimesHandlerNeedsTheModulesEnvironment() {
        // The test JVM has none of the function's variables, like a function deployed without the module.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new EventProcessorHandler().handleRequest(Map.of(), new LocalContext("test")));
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
