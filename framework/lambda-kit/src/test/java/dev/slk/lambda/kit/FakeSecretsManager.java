package dev.slk.lambda.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slk.lambda.testing.FakeCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets Manager's GetSecretValue on 127.0.0.1: checks that each request is signed, names the
 * operation in the JSON 1.1 protocol, and asks for a secret by id; answers as Secrets Manager does.
 */
final class FakeSecretsManager implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> denied = new ConcurrentHashMap<>();
    private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    FakeSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    SecretsManagerClient client() {
        return SecretsManagerClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1).credentialsProvider(FakeCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    FakeSecretsManager secret(String name, String value) {
        secrets.put(name, value);
        return this;
    }

    FakeSecretsManager deny(String name) {
        denied.put(name, name);
        return this;
    }

    /** @return the secret ids asked for, one per call */
    List<String> reads() {
        return List.copyOf(reads);
    }

    /** @return what was wrong with the requests; empty when all were as Secrets Manager expects */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!auth.startsWith("AWS4-HMAC-SHA256 Credential=") || !auth.contains("/secretsmanager/aws4_request")) {
                problems.add("request not signed with SigV4 for secretsmanager: " + auth.split(",")[0]);
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !type.startsWith("application/x-amz-json-1.1")) {
                problems.add("not a JSON 1.1 POST: " + exchange.getRequestMethod() + " " + type);
            }
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                problems.add("unexpected operation " + target);
                reply(exchange, 400, error("UnknownOperationException", target));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String id = request.path("SecretId").asText();
            reads.add(id);
            if (request.size() != 1) {
                problems.add("GetSecretValue asked for more than a SecretId: " + request.fieldNames().next());
            }
            if (denied.containsKey(id)) {
                reply(exchange, 400, error("AccessDeniedException", "User is not authorized to perform GetSecretValue"));
                return;
            }
            String value = secrets.get(id);
            if (value == null) {
                reply(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            reply(exchange, 200, JSON.createObjectNode().put("ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + id + "-AbCdEf")
                    .put("Name", id).put("SecretString", value).put("VersionId", "v1").put("CreatedDate", 1.7e9));
        }
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("__type", code).put("Message", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
