package dev.slk.lambda.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slk.lambda.testing.FakeCredentials;
import dev.slk.lambda.testing.LocalSqs;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A loopback proxy in front of ElasticMQ that fails SendMessageBatch calls or entries as scripted
 * (what a real SQS does under throttling or an internal error, which ElasticMQ never does), refuses
 * calls beyond SQS's limits as SQS does (ElasticMQ 1.7.1 accepts a 400 KB batch), and passes
 * everything else through, so what arrives is what the real server accepted.
 */
final class FlakySqs implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 262_144;

    /** What the next SendMessageBatch call meets. */
    sealed interface Fault {
        /** The entries with these ids fail with {@code code}; the others reach ElasticMQ. */
        record FailEntries(Set<String> ids, String code, boolean senderFault) implements Fault {
        }

        /** The whole call fails with this status and code; nothing reaches ElasticMQ. */
        record FailCall(int status, String code) implements Fault {
        }
    }

    /**
     * One SendMessageBatch call as received.
     *
     * @param ids the entry ids
     * @param bodies the message bodies
     */
    record Call(List<String> ids, List<String> bodies) {
        int bytes() {
            return bodies.stream().mapToInt(b -> b.getBytes(StandardCharsets.UTF_8).length).sum();
        }
    }

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Fault always;
    private volatile Runnable onCall = () -> { };

    FlakySqs() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return a client for this proxy without the SDK's own retries, so that the sender's are what is tested */
    SqsClient client() {
        return SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1).credentialsProvider(FakeCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    synchronized FlakySqs next(Fault fault) {
        faults.add(fault);
        return this;
    }

    /** Every call meets this fault once the scripted ones are used up. */
    FlakySqs always(Fault fault) {
        always = fault;
        return this;
    }

    /** Runs on each SendMessageBatch call before it is answered (to move a fake clock, say). */
    FlakySqs onCall(Runnable action) {
        onCall = action;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            if (!"AmazonSQS.SendMessageBatch".equals(target)) {
                forward(exchange, target, body);
                return;
            }
            ObjectNode request = (ObjectNode) JSON.readTree(body);
            List<String> ids = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            request.path("Entries").forEach(e -> {
                ids.add(e.path("Id").asText());
                bodies.add(e.path("MessageBody").asText());
            });
            Call received = new Call(List.copyOf(ids), List.copyOf(bodies));
            calls.add(received);
            onCall.run();
            String broken = brokenLimit(received);
            if (broken != null) {
                reply(exchange, 400, JSON.writeValueAsBytes(JSON.createObjectNode().put("__type", broken).put("message", broken)));
                return;
            }
            Fault fault;
            synchronized (this) {
                fault = faults.isEmpty() ? always : faults.poll();
            }
            if (fault instanceof Fault.FailCall call) {
                reply(exchange, call.status(), JSON.writeValueAsBytes(
                        JSON.createObjectNode().put("__type", call.code()).put("message", "scripted " + call.code())));
                return;
            }
            if (!(fault instanceof Fault.FailEntries failing)) {
                forward(exchange, target, body);
                return;
            }
            ArrayNode kept = JSON.createArrayNode();
            request.path("Entries").forEach(e -> {
                if (!failing.ids().contains(e.path("Id").asText())) {
                    kept.add(e);
                }
            });
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("Successful");
            if (!kept.isEmpty()) {
                request.set("Entries", kept);
                HttpResponse<byte[]> got = send(target, JSON.writeValueAsBytes(request));
                answer = (ObjectNode) JSON.readTree(got.body());
            }
            ArrayNode failed = answer.withArray("Failed");
            for (String id : ids) {
                if (failing.ids().contains(id)) {
                    failed.addObject().put("Id", id).put("Code", failing.code()).put("SenderFault", failing.senderFault())
                            .put("Message", "scripted " + failing.code());
                }
            }
            reply(exchange, 200, JSON.writeValueAsBytes(answer));
        }
    }

    /** SQS's limits, which ElasticMQ does not check: ten entries, 256 KiB per message and per call. */
    private static String brokenLimit(Call call) {
        if (call.ids().size() > 10) {
            return "AWS.SimpleQueueService.TooManyEntriesInBatchRequest";
        }
        if (call.bodies().stream().anyMatch(b -> b.getBytes(StandardCharsets.UTF_8).length > LIMIT)) {
            return "InvalidParameterValue";
        }
        return call.bytes() > LIMIT ? "AWS.SimpleQueueService.BatchRequestTooLong" : null;
    }

    private void forward(HttpExchange exchange, String target, byte[] body) throws IOException {
        HttpResponse<byte[]> got = send(target, body);
        reply(exchange, got.statusCode(), got.body());
    }

    private HttpResponse<byte[]> send(String target, byte[] body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(LocalSqs.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return upstream.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
