package dev.slk.lambda.customsource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for the Security Lake, Secrets Manager and SSM APIs, answering the real SDK
 * clients in each service's wire protocol (REST-JSON for Security Lake, JSON 1.1 with an
 * X-Amz-Target header for the other two). It keeps state (which custom sources exist), checks
 * every request it receives (signature scope, required fields) and records them for the tests.
 */
final class FakeAws implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ACCESS_KEY = "AKIDFAKEFORLOOPBACK";
    private static final String LAKE_BUCKET = "aws-security-data-lake-eu-west-1-o0example";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the fake saw it. */
    record Call(String service, String operation, String method, String path, String query, JsonNode body) {
    }

    /** A canned error for the n-th call of one operation. */
    private record Failure(String operation, int callNumber, int status, String type, String message) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-aws");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, RegisteredSource> sources = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, String[]> parameters = new ConcurrentHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void putSecret(String name, String value) {
        secrets.put(name, value);
    }

    void putParameter(String name, String type, String value) {
        parameters.put(name, new String[] {type, value});
    }

    /** A source that exists before the test, as if created by hand or by an earlier stack. */
    RegisteredSource existingSource(String name, String version) {
        RegisteredSource source = registered(name, version);
        sources.put(name, source);
        return source;
    }

    Optional<RegisteredSource> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /** Answers the next call of the operation with this error. */
    void failNext(String operation, int status, String type, String message) {
        failCall(operation, calls(operation).size() + 1, status, type, message);
    }

    /** Answers the n-th call (counting from 1, since the fake started) of the operation with this error. */
    void failCall(String operation, int callNumber, int status, String type, String message) {
        failures.add(new Failure(operation, callNumber, status, type, message));
    }

    void delay(String operation, Duration delay) {
        delays.put(operation, delay);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** Fails the test if any request broke the protocol the real service enforces. */
    void assertNoProtocolProblems() {
        assertEquals(List.of(), problems);
    }

    static RegisteredSource registered(String name, String version) {
        return new RegisteredSource(name, version, "s3://" + LAKE_BUCKET + "/ext/" + name + "/" + version + "/",
                "arn:aws:iam::" + ACCOUNT + ":role/AmazonSecurityLake-Provider-" + name + "-" + REGION);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            String service;
            String operation;
            if (target.startsWith("secretsmanager.")) {
                service = "secretsmanager";
                operation = target.substring("secretsmanager.".length());
            } else if (target.startsWith("AmazonSSM.")) {
                service = "ssm";
                operation = target.substring("AmazonSSM.".length());
            } else {
                service = "securitylake";
                operation = lakeOperation(method, path);
            }
            calls.add(new Call(service, operation, method, path, exchange.getRequestURI().getRawQuery(), body));
            checkSignature(exchange, service);
            Duration delay = delays.remove(operation);
            if (delay != null) {
                sleep(delay);
            }
            int callNumber = calls(operation).size();
            Failure failure = failures.stream()
                    .filter(f -> f.operation().equals(operation) && f.callNumber() == callNumber)
                    .findFirst().orElse(null);
            if (failure != null) {
                error(exchange, service, failure.status(), failure.type(), failure.message());
                return;
            }
            switch (operation) {
                case "CreateCustomLogSource" -> create(exchange, body);
                case "DeleteCustomLogSource" -> delete(exchange, path);
                case "ListLogSources" -> list(exchange, body);
                case "GetSecretValue" -> getSecretValue(exchange, body);
                case "GetParameter" -> getParameter(exchange, body);
                default -> {
                    problems.add("unexpected request " + method + " " + path + " " + target);
                    error(exchange, service, 400, "UnknownOperationException", "no such operation");
                }
            }
        } catch (RuntimeException e) {
            problems.add("fake failed: " + e);
            throw e;
        }
    }

    private static String lakeOperation(String method, String path) {
        if (method.equals("POST") && path.equals("/v1/datalake/logsources/custom")) {
            return "CreateCustomLogSource";
        }
        if (method.equals("DELETE") && path.startsWith("/v1/datalake/logsources/custom/")) {
            return "DeleteCustomLogSource";
        }
        if (method.equals("POST") && path.equals("/v1/datalake/logsources/list")) {
            return "ListLogSources";
        }
        return method + " " + path;
    }

    /** The real services reject a request signed for another service, Region or key. */
    private void checkSignature(HttpExchange exchange, String service) {
        String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        String scope = "Credential=" + ACCESS_KEY + "/";
        String suffix = "/" + REGION + "/" + service + "/aws4_request";
        if (!auth.startsWith("AWS4-HMAC-SHA256 ") || !auth.contains(scope) || !auth.contains(suffix)) {
            problems.add(service + " request not signed for " + suffix + ": " + auth.replaceAll("Signature=\\w+", ""));
        }
    }

    private void create(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("sourceName").asText("");
        String version = body.path("sourceVersion").asText("");
        JsonNode configuration = body.path("configuration");
        require(!name.isEmpty() && name.length() <= 20, "sourceName 1-20 characters");
        require(!version.isEmpty(), "sourceVersion present");
        require(body.path("eventClasses").isArray() && !body.path("eventClasses").isEmpty(), "eventClasses present");
        require(configuration.path("crawlerConfiguration").path("roleArn").asText("").startsWith("arn:aws:iam::"),
                "configuration.crawlerConfiguration.roleArn is a role ARN");
        require(configuration.path("providerIdentity").path("principal").asText("").matches("\\d{12}"),
                "configuration.providerIdentity.principal is an account id");
        String externalId = configuration.path("providerIdentity").path("externalId").asText("");
        require(externalId.length() >= 2 && externalId.matches("[\\w+=,.@:/-]+"),
                "configuration.providerIdentity.externalId within IAM's limits");
        if (sources.containsKey(name)) {
            error(exchange, "securitylake", 409, "ConflictException", "Custom source " + name + " already exists");
            return;
        }
        RegisteredSource source = registered(name, version);
        sources.put(name, source);
        ObjectNode response = JSON.createObjectNode();
        response.set("source", resource(source));
        ok(exchange, response);
    }

    private void delete(HttpExchange exchange, String path) throws IOException {
        String name = URLDecoder.decode(path.substring("/v1/datalake/logsources/custom/".length()), StandardCharsets.UTF_8);
        String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        require(query.contains("sourceVersion="), "DeleteCustomLogSource names the sourceVersion");
        String version = query.replaceAll(".*sourceVersion=([^&]*).*", "$1");
        RegisteredSource source = sources.get(name);
        if (source == null || !source.sourceVersion().equals(URLDecoder.decode(version, StandardCharsets.UTF_8))) {
            error(exchange, "securitylake", 404, "ResourceNotFoundException", "Custom source " + name + " not found");
            return;
        }
        sources.remove(name);
        ok(exchange, JSON.createObjectNode());
    }

    /**
     * Honours the region and account filters; leaves the per-source filter to the caller, which
     * must match names itself (the API documents the filter loosely). One source per page, so a
     * lookup has to follow nextToken.
     */
    private void list(HttpExchange exchange, JsonNode body) throws IOException {
        boolean ourRegion = !body.path("regions").isArray() || body.path("regions").toString().contains(REGION);
        boolean ourAccount = !body.path("accounts").isArray() || body.path("accounts").toString().contains(ACCOUNT);
        List<RegisteredSource> matching = ourRegion && ourAccount
                ? sources.values().stream().sorted((a, b) -> a.sourceName().compareTo(b.sourceName())).toList()
                : List.of();
        int from = body.hasNonNull("nextToken") ? Integer.parseInt(body.get("nextToken").asText()) : 0;
        ObjectNode response = JSON.createObjectNode();
        ArrayNode entries = response.putArray("sources");
        if (from < matching.size()) {
            ObjectNode entry = entries.addObject().put("account", ACCOUNT).put("region", REGION);
            entry.putArray("sources").addObject().set("customLogSource", resource(matching.get(from)));
        }
        if (from + 1 < matching.size()) {
            response.put("nextToken", String.valueOf(from + 1));
        }
        ok(exchange, response);
    }

    private void getSecretValue(HttpExchange exchange, JsonNode body) throws IOException {
        String id = body.path("SecretId").asText("");
        String value = secrets.get(id);
        if (value == null) {
            error(exchange, "secretsmanager", 400, "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret.");
            return;
        }
        ok(exchange, JSON.createObjectNode().put("ARN", "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT
                + ":secret:" + id + "-AbCdEf").put("Name", id).put("SecretString", value));
    }

    private void getParameter(HttpExchange exchange, JsonNode body) throws IOException {
        require(body.path("WithDecryption").asBoolean(false), "GetParameter asks for WithDecryption");
        String name = body.path("Name").asText("");
        String[] parameter = parameters.get(name);
        if (parameter == null) {
            error(exchange, "ssm", 400, "ParameterNotFound", "");
            return;
        }
        ObjectNode response = JSON.createObjectNode();
        response.putObject("Parameter").put("Name", name).put("Type", parameter[0]).put("Value", parameter[1])
                .put("Version", 1);
        ok(exchange, response);
    }

    private static ObjectNode resource(RegisteredSource source) {
        ObjectNode node = JSON.createObjectNode().put("sourceName", source.sourceName())
                .put("sourceVersion", source.sourceVersion());
        node.putObject("provider").put("location", source.location()).put("roleArn", source.providerRoleArn());
        node.putObject("attributes")
                .put("crawlerArn", "arn:aws:glue:" + REGION + ":" + ACCOUNT + ":crawler/" + source.sourceName())
                .put("databaseArn", "arn:aws:glue:" + REGION + ":" + ACCOUNT + ":database/amazon_security_lake_glue_db")
                .put("tableArn", "arn:aws:glue:" + REGION + ":" + ACCOUNT + ":table/" + source.sourceName());
        return node;
    }

    private void require(boolean condition, String rule) {
        if (!condition) {
            problems.add("request broke the API contract: " + rule);
        }
    }

    private static void ok(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, Map.of(), body);
    }

    private static void error(HttpExchange exchange, String service, int status, String type, String message)
            throws IOException {
        if (service.equals("securitylake")) {
            send(exchange, status, Map.of("x-amzn-ErrorType", type), JSON.createObjectNode().put("message", message));
        } else {
            send(exchange, status, Map.of(), JSON.createObjectNode().put("__type", type).put("message", message));
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, JsonNode body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-" + System.nanoTime());
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
