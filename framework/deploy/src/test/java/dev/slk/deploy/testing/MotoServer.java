package dev.slk.deploy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * moto_server (moto 5.2.1, preinstalled with Python) on 127.0.0.1 on a free port, with the
 * CloudFormation defects patched that would let deploy tests pass while testing nothing (see
 * slk_moto.py beside this class). Stopped by its PID. One per test class: it starts in about 2 s.
 */
public final class MotoServer implements AutoCloseable {
    /** The made-up account moto answers for. */
    public static final String ACCOUNT = "123456789012";
    /** Fake credentials: moto checks no signature. */
    // slk-scan:ignore aws-access-key-id made-up key id for the local moto server, which checks no signature
    public static final String ACCESS_KEY = "AKIAMOTOTESTFAKE0000";
    // slk-scan:ignore generic-secret-assignment made-up secret for the local moto server
    private static final String SECRET_KEY = "moto-fake-secret-key-for-tests-only";

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param scratch a directory for the patched script and moto's log
     * @return the running server
     */
    public static MotoServer start(Path scratch) {
        try {
            Path script = scratch.resolve("slk_moto.py");
            try (InputStream in = MotoServer.class.getResourceAsStream("slk_moto.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = scratch.resolve("moto.log");
            Process process = new ProcessBuilder(List.of("python3", script.toString(), "-H", "127.0.0.1", "-p",
                    Integer.toString(port))).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MotoServer server = new MotoServer(process, port, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        throw new IllegalStateException("moto_server did not listen on port " + port + " within 60 s");
    }

    /** @return {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return moto's log, for assertions that it did not crash */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * @param region the region
     * @return the environment the CDK CLI and the SDK need to talk to this server, and nothing of the
     *     caller's AWS set-up
     */
    public Map<String, String> environment(String region) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String keep : List.of("PATH", "HOME", "LANG", "TMPDIR", "JAVA_HOME")) {
            String value = System.getenv(keep);
            if (value != null) {
                environment.put(keep, value);
            }
        }
        environment.put("AWS_ENDPOINT_URL", endpoint().toString());
        // moto takes the bucket from the host name unless the host is localhost.
        environment.put("AWS_ENDPOINT_URL_S3_FOR_CLOUDFORMATION", "http://localhost:" + port);
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        return environment;
    }

    /**
     * @param builder an SDK client builder
     * @param region the region
     * @param <B> the builder type
     * @param <C> the client type
     * @return a client of this server
     */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder, String region) {
        builder.endpointOverride(endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder.build();
    }

    @Override
    public void close() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
