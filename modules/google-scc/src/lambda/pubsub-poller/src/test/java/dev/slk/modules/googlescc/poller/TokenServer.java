/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.sun.net.httpserver.HttpExchange;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loopback fakes of Google's token endpoints: OAuth token (service-account JWT grant), STS token
 * exchange (workload identity federation) and IAM Credentials generateAccessToken (impersonation).
 * Each records what it was sent and answers as Google does.
 */
final class TokenServer implements AutoCloseable {
    /** A request as it arrived: path, Authorization header and form fields. */
    record Request(String path, String authorization, Map<String, String> form) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final KeyStore trust;
    private final String scheme;

    /** Plain HTTP, as the OAuth token endpoint of a service-account key may be. */
    TokenServer() throws IOException {
        this(null);
    }

    /**
     * @param keyStore a PKCS12 key store with a certificate for 127.0.0.1 (google-auth accepts only
     *     https for federation endpoints), or null for plain HTTP
     */
    TokenServer(Path keyStore) throws IOException {
        if (keyStore == null) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            trust = null;
            scheme = "http";
        } else {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (var in = java.nio.file.Files.newInputStream(keyStore)) {
                    store.load(in, PASSWORD);
                }
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, PASSWORD);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(keys.getKeyManagers(), null, null);
                HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
                trust = store;
                scheme = "https";
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
        server.createContext("/token", exchange -> answer(exchange,
                "{\"access_token\": \"local-service-account-token\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}"));
        server.createContext("/v1/token", exchange -> answer(exchange,
                "{\"access_token\": \"sts-federated\", \"issued_token_type\": "
                        + "\"urn:ietf:params:oauth:token-type:access_token\", \"token_type\": \"Bearer\", \"expires_in\": 3600}"));
        server.createContext("/v1/projects", exchange -> answer(exchange,
                "{\"accessToken\": \"local-impersonated-token\", \"expireTime\": \"2099-01-01T00:00:00Z\"}"));
        server.start();
    }

    /** The key store's password, random per run; the store is made by the test and deleted with its directory. */
    static final char[] PASSWORD = java.util.UUID.randomUUID().toString().toCharArray();

    /**
     * @param directory where to write it
     * @return a fresh PKCS12 store with a self-signed certificate for 127.0.0.1, made by the JDK's keytool
     */
    static Path keyStore(Path directory) throws IOException, InterruptedException {
        Path store = directory.resolve("loopback.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-alias", "loopback", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return store;
    }

    /** @return a google-auth transport that trusts this server's certificate */
    HttpTransportFactory transport() {
        try {
            NetHttpTransport http = new NetHttpTransport.Builder().trustCertificates(trust).build();
            return () -> http;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (form.isEmpty() && !body.isBlank()) {
            form.put("json", body);
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestURI().getPath(), auth == null ? "" : auth, form));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
