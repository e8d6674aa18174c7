/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fetches events from {{moduleName}}.
 *
 * <p>This is the part a module author adapts to the source. As generated, it reads a JSON API:
 * {@code GET <sourceUrl>} with the API key as a bearer token, answered by a JSON array of events
 * or an object whose {@code events} field is one.
 * Paging, checkpoints (for example the time of the last event, kept in a DynamoDB table) and the
 * source's own authentication scheme belong here.
 */
final class SourceClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI sourceUrl;
    private final Supplier<String> apiKey;
    private final Duration requestTimeout;

    SourceClient(HttpClient http, URI sourceUrl, Supplier<String> apiKey,
            Duration requestTimeout) {
        this.http = http;
        this.sourceUrl = sourceUrl;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
    }

    /**
     * @return the new events
     * @throws SourceException when the source cannot be reached or answers with an error
     */
    List<JsonNode> fetchEvents() {
        HttpRequest request = HttpRequest.newBuilder(sourceUrl)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey.get())
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SourceException("cannot reach " + sourceUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while fetching from " + sourceUrl);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SourceException(sourceUrl + " answered HTTP " + response.statusCode());
        }
        return events(response.body());
    }

    static List<JsonNode> events(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SourceException("the source's answer is not JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root != null && root.isObject() ? root.path("events") : root;
        if (list == null || !list.isArray()) {
            throw new SourceException("the source's answer is neither a JSON array nor an object with an events array");
        }
        List<JsonNode> events = new ArrayList<>(list.size());
        list.forEach(events::add);
        return events;
    }

    /** The source could not be read; the run fails and Lambda retries it. */
    static final class SourceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SourceException(String message) {
            super(message);
        }
    }
}
