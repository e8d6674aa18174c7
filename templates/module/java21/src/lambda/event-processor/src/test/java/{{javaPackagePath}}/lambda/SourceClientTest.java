/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceClientTest {
    private final String apiKey = UUID.randomUUID().toString();
    private FakeSource source;

    @BeforeEach
    void start() throws Exception {
        source = new FakeSource();
    }

    @AfterEach
    void stop() {
        source.close();
    }

    private SourceClient client(URI url) {
        return new SourceClient(HttpClient.newHttpClient(), url, () -> apiKey,
                Duration.ofSeconds(5));
    }

    @Test
    void fetchesAJsonArrayWithTheApiKeyAsBearerToken() {
        source.answer(200, "[{\"id\": 1, \"type\": \"login\"}, {\"id\": 2}]");
        assertEquals("[{\"id\":1,\"type\":\"login\"}, {\"id\":2}]", client(source.url()).fetchEvents().toString());
        assertEquals(List.of("Bearer " + apiKey), source.authorizations());
    }

    @Test
    void acceptsAnObjectWithAnEventsArray() {
        source.answer(200, "{\"events\": [{\"id\": 3}], \"next\": null}");
        assertEquals("[{\"id\":3}]", client(source.url()).fetchEvents().toString());
    }

    @Test
    void anErrorStatusFailsTheRunWithoutEchoingTheBody() {
        source.answer(503, "upstream says: key " + apiKey + " is throttled");
        SourceClient.SourceException e = assertThrows(SourceClient.SourceException.class,
                () -> client(source.url()).fetchEvents());
        assertTrue(e.getMessage().endsWith("answered HTTP 503"), e.getMessage());
        assertTrue(!e.getMessage().contains(apiKey));
    }

    @Test
    void anAnswerThatIsNotAListOfEventsIsRefused() {
        source.answer(200, "{\"items\": []}");
        assertThrows(SourceClient.SourceException.class, () -> client(source.url()).fetchEvents());
        source.answer(200, "<html>");
        assertTrue(assertThrows(SourceClient.SourceException.class, () -> client(source.url()).fetchEvents())
                .getMessage().startsWith("the source's answer is not JSON"));
        assertThrows(SourceClient.SourceException.class, () -> SourceClient.events(""));
    }

    @Test
    void anUnreachableSourceFailsTheRun() {
        URI closed = source.url();
        source.close();
        SourceClient.SourceException e = assertThrows(SourceClient.SourceException.class,
                () -> client(closed).fetchEvents());
        assertTrue(e.getMessage().startsWith("cannot reach " + closed), e.getMessage());
    }
}
