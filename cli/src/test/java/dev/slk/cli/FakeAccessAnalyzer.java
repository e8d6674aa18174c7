package dev.slk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * IAM Access Analyzer on 127.0.0.1 for the {@code --online} tests: it verifies each request's SigV4 signature with
 * the test's secret (computed here, independently of the SDK), records the operation and body, and answers with
 * what the test's responder returns. A request with a bad signature gets AWS's 403.
 */
final class FakeAccessAnalyzer implements AutoCloseable {
    // slk-scan:ignore aws-access-key-id made-up key id for the loopback Access Analyzer of the --online tests
    static final String KEY_ID = "AKIAFAKEONLINETEST01";
    // slk-scan:ignore generic-secret-assignment made-up secret the loopback fake signs with; it reaches no AWS
    static final String SECRET = "loopback-only-secret-of-the-online-test";
    static final String REGION = "eu-west-1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/"
            + "([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

    /** One request as the fake received it. */
    record Call(String method, String path, String service, boolean signatureValid, JsonNode body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Function<JsonNode, JsonNode>> responders = new TreeMap<>();

    FakeAccessAnalyzer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests to {@code path} (e.g. {@code /policy/validation}) with {@code responder}'s JSON. */
    FakeAccessAnalyzer answering(String path, Function<JsonNode, JsonNode> responder) {
        responders.put(path, responder);
        return this;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the environment of a command run with the fake's credentials, region and endpoint */
    Map<String, String> environment() {
        return Map.of("AWS_ACCESS_KEY_ID", KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_REGION", REGION,
                "AWS_ENDPOINT_URL", endpoint(), "AWS_EC2_METADATA_DISABLED", "true");
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        boolean matched = m != null && m.matches();
        boolean valid = matched && m.group(1).equals(KEY_ID) && m.group(3).equals(REGION)
                && m.group(6).equals(signature(exchange, body, m));
        JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        synchronized (this) {
            calls.add(new Call(exchange.getRequestMethod(), path, matched ? m.group(4) : "", valid, json));
        }
        Function<JsonNode, JsonNode> responder = responders.get(path);
        if (!valid) {
            reply(exchange, 403, "InvalidSignatureException", "{\"message\":\"The request signature we calculated "
                    + "does not match the signature you provided.\"}");
        } else if (responder == null || !exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 404, "ResourceNotFoundException", "{\"message\":\"no such operation\"}");
        } else {
            reply(exchange, 200, null, JSON.writeValueAsString(responder.apply(json)));
        }
    }

    private static void reply(HttpExchange exchange, int status, String errorType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** SigV4 of the request as received: canonical request, string to sign, derived key. */
    private static String signature(HttpExchange exchange, byte[] body, Matcher m) {
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        if (amzDate == null || !amzDate.startsWith(m.group(2))) {
            return "";
        }
        List<String> signed = Arrays.asList(m.group(5).split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            return "";
        }
        String headers = signed.stream().map(h -> h + ":" + String.join(",",
                exchange.getRequestHeaders().getOrDefault(h, List.of())).strip().replaceAll("\\s+", " ") + "\n")
                .collect(Collectors.joining());
        String query = exchange.getRequestURI().getRawQuery() == null ? ""
                : Arrays.stream(exchange.getRequestURI().getRawQuery().split("&")).sorted().collect(Collectors.joining("&"));
        String payload = exchange.getRequestHeaders().getFirst("X-Amz-Content-Sha256");
        String canonical = exchange.getRequestMethod() + "\n" + exchange.getRequestURI().getRawPath() + "\n" + query + "\n"
                + headers + "\n" + m.group(5) + "\n" + (payload != null ? payload : hex(sha256(body)));
        String scope = m.group(2) + "/" + m.group(3) + "/" + m.group(4) + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), m.group(2));
        key = hmac(key, m.group(3));
        key = hmac(key, m.group(4));
        key = hmac(key, "aws4_request");
        return hex(hmac(key, toSign));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
