package dev.slk.lambda.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * A loopback stand-in for Security Hub's BatchImportFindings: it checks that each request is a
 * signed POST to /findings/import, keeps the request bodies, and answers from a script.
 */
final class FakeSecurityHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Function<JsonNode, Reply>> script = new ArrayDeque<>();
    private Function<JsonNode, Reply> fallback = FakeSecurityHub::allImported;

    record Reply(int status, String errorType, String body) {
    }

    FakeSecurityHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers the next request with {@code reply}; after the script, every finding is imported. */
    FakeSecurityHub then(Function<JsonNode, Reply> reply) {
        synchronized (script) {
            script.add(reply);
        }
        return this;
    }

    /** Answers every request after the script with {@code reply}. */
    FakeSecurityHub always(Function<JsonNode, Reply> reply) {
        fallback = reply;
        return this;
    }

    static Reply allImported(JsonNode request) {
        return new Reply(200, null, "{\"FailedCount\":0,\"SuccessCount\":" + request.path("Findings").size()
                + ",\"FailedFindings\":[]}");
    }

    static Function<JsonNode, Reply> refusing(String... ids) {
        return request -> {
            StringBuilder failed = new StringBuilder();
            for (String id : ids) {
                failed.append(failed.length() == 0 ? "" : ",").append("{\"Id\":\"").append(id)
                        .append("\",\"ErrorCode\":\"InvalidInput\",\"ErrorMessage\":\"Finding does not adhere to ASFF\"}");
            }
            return new Reply(200, null, "{\"FailedCount\":" + ids.length + ",\"SuccessCount\":"
                    + (request.path("Findings").size() - ids.length) + ",\"FailedFindings\":[" + failed + "]}");
        };
    }

    static Reply throttled(JsonNode request) {
        return new Reply(429, "TooManyRequestsException", "{\"Message\":\"Rate exceeded\"}");
    }

    static Reply invalidInput(JsonNode request) {
        return new Reply(400, "InvalidInputException", "{\"Message\":\"bad\"}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().equals("/findings/import")) {
            problems.add("unexpected " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
        }
        if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=") || !auth.contains("/securityhub/aws4_request")) {
            problems.add("request not signed for securityhub: " + auth);
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(body);
        Function<JsonNode, Reply> next;
        synchronized (script) {
            next = script.isEmpty() ? fallback : script.poll();
        }
        Reply reply = next.apply(body);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (reply.errorType() != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", reply.errorType());
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** @return the request bodies, in order */
    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** @return what was wrong with requests (unsigned, wrong path) */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** @return a client of the real SDK pointed at this fake, with no SDK retries (as the function's) */
    SecurityHubClient client() {
        String id = String.join("", "LOCAL", "TESTING", "ONLY");
        return SecurityHubClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id,
                        new StringBuilder(id).reverse().toString())))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
