/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two AWS calls the function makes, served on 127.0.0.1 for what no local server offers:
 * Secrets Manager's GetSecretValue, and SQS's SendMessageBatch answered as scripted (entries
 * failing, throttling). It checks that each request is signed, names the right operation and
 * carries what the function must send.
 */
final class FakeAws implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SQS's limits on one SendMessageBatch call. */
    private static final int MAX_ENTRIES = 10;
    private static final int MAX_BATCH_BYTES = 262_144;

    /** What the next SendMessageBatch call answers. */
    sealed interface Answer {
        /** The first {@code count} entries fail with {@code code}; the others succeed. */
        record FailEntries(int count, String code, boolean senderFault) implements Answer {
        }

        /** The whole call fails with an HTTP status and error code. */
        record FailCall(int status, String code) implements Answer {
        }
    }

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> secretReads = Collections.synchronizedList(new ArrayList<>());
    private String queueUrl = "";

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeAws secret(String name, String value) {
        secrets.put(name, value);
        return this;
    }

    FakeAws queue(String url) {
        queueUrl = url;
        return this;
    }

    synchronized FakeAws answer(Answer answer) {
        answers.add(answer);
        return this;
    }

    /** @return the bodies of each SendMessageBatch call, in order */
    List<List<String>> batches() {
        return List.copyOf(batches);
    }

    /** @return the secret names read, one per GetSecretValue call */
    List<String> secretReads() {
        return List.copyOf(secretReads);
    }

    /** @return what was wrong with the requests received; empty when they were all as expected */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!authorization.startsWith("AWS4-HMAC-SHA256 Credential=")) {
                problems.add(target + ": request is not signed with SigV4");
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            switch (target) {
                case "secretsmanager.GetSecretValue" -> getSecretValue(exchange, request);
                case "AmazonSQS.SendMessageBatch" -> sendMessageBatch(exchange, request);
                default -> {
                    problems.add("unexpected operation " + target);
                    reply(exchange, 400, error("UnknownOperationException", target));
                }
            }
        }
    }

    private void getSecretValue(HttpExchange exchange, JsonNode request) throws IOException {
        String name = request.path("SecretId").asText();
        secretReads.add(name);
        String value = secrets.get(name);
        if (value == null) {
            reply(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
            return;
        }
        ObjectNode body = JSON.createObjectNode()
                .put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-AbCdEf")
                .put("Name", name).put("SecretString", value).put("VersionId", "v1");
        reply(exchange, 200, body);
    }

    private void sendMessageBatch(HttpExchange exchange, JsonNode request) throws IOException {
        if (!queueUrl.equals(request.path("QueueUrl").asText())) {
            problems.add("SendMessageBatch to " + request.path("QueueUrl").asText() + ", expected " + queueUrl);
        }
        JsonNode entries = request.path("Entries");
        if (entries.size() > MAX_ENTRIES) {
            problems.add("SendMessageBatch with " + entries.size() + " entries");
        }
        List<String> bodies = new ArrayList<>();
        int bytes = 0;
        for (JsonNode entry : entries) {
            bodies.add(entry.path("MessageBody").asText());
            bytes += entry.path("MessageBody").asText().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_BATCH_BYTES) {
            problems.add("SendMessageBatch of " + bytes + " bytes");
        }
        batches.add(bodies);
        Answer answer;
        synchronized (this) {
            answer = answers.poll();
        }
        if (answer instanceof Answer.FailCall call) {
            reply(exchange, call.status(), error(call.code(), "scripted failure"));
            return;
        }
        int failing = answer instanceof Answer.FailEntries entriesAnswer ? entriesAnswer.count() : 0;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode successful = body.putArray("Successful");
        ArrayNode failed = body.putArray("Failed");
        int i = 0;
        for (JsonNode entry : entries) {
            if (i++ < failing) {
                Answer.FailEntries f = (Answer.FailEntries) answer;
                failed.addObject().put("Id", entry.path("Id").asText()).put("Code", f.code())
                        .put("SenderFault", f.senderFault()).put("Message", "scripted failure");
            } else {
                successful.addObject().put("Id", entry.path("Id").asText())
                        .put("MessageId", java.util.UUID.randomUUID().toString())
                        .put("MD5OfMessageBody", md5(entry.path("MessageBody").asText()));
            }
        }
        reply(exchange, 200, body);
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("__type", code).put("message", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
