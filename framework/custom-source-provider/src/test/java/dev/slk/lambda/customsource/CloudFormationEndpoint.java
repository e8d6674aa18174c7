package dev.slk.lambda.customsource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plays the pre-signed S3 URL that CloudFormation hands out: records every response PUT to it. */
final class CloudFormationEndpoint implements AutoCloseable {

    /** One PUT as received. */
    record Received(String method, String path, String contentType, JsonNode body, long atNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/cloudformation-custom-resource-response";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    CloudFormationEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body), System.nanoTime()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    /** A URL shaped like CloudFormation's: path plus a signature in the query. */
    URI responseUrl(String requestId) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH + "/" + requestId
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-SignedHeaders=host");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
