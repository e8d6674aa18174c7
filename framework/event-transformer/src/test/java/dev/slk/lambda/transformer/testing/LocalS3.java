package dev.slk.lambda.transformer.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.slk.lambda.testing.FakeCredentials;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3Mock in this JVM on 127.0.0.1, started once and shared by every test class, plus SDK clients
 * pointed at it. A bucket per test keeps tests apart.
 */
public final class LocalS3 {
    /** PutObject of a key this matches is sent to a bucket that does not exist: S3Mock answers NoSuchBucket. */
    public static final String MISSING_BUCKET = "slk-no-such-bucket";
    private static S3MockApplication server;
    private static int port;

    private LocalS3() {
    }

    /** @return the endpoint of the shared server, starting it on first use */
    public static synchronized URI endpoint() {
        if (server == null) {
            try {
                Path root = Files.createTempDirectory("s3mock");
                // Spring Boot would otherwise reconfigure log4j2 and drop the test's logging setup.
                System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
                // S3Mock's port getters are deprecated for removal: choose the port here instead.
                try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1,
                        java.net.InetAddress.getLoopbackAddress())) {
                    port = probe.getLocalPort();
                }
                // S3Mock adds to the map it is given.
                server = S3MockApplication.start(new java.util.HashMap<>(Map.of(
                        S3MockApplication.PROP_HTTP_PORT, port,
                        S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                        S3MockApplication.PROP_ROOT_DIRECTORY, root.toString(),
                        S3MockApplication.PROP_SILENT, true,
                        "server.address", "127.0.0.1",
                        "logging.level.root", "WARN",
                        "spring.main.banner-mode", "off")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return a client for the shared server */
    public static S3Client client() {
        return client(key -> false);
    }

    /**
     * @param failPutsOf keys whose PutObject must fail
     * @return a client for the shared server that fails the chosen writes
     */
    public static S3Client client(Predicate<String> failPutsOf) {
        return S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(FakeCredentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new FailPuts(failPutsOf))
                        .retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD))
                .build();
    }

    /**
     * @param s3 a client
     * @param name a bucket name
     * @return the name, after creating the bucket
     */
    public static String bucket(S3Client s3, String name) {
        s3.createBucket(r -> r.bucket(name));
        return name;
    }

    /** @return every key in the bucket, sorted */
    public static List<String> keys(S3Client s3, String bucket) {
        List<String> out = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).forEach(out::add);
        out.sort(null);
        return out;
    }

    /** @return the object's bytes */
    public static byte[] get(S3Client s3, String bucket, String key) {
        return s3.getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toBytes()).asByteArray();
    }

    private static final class FailPuts implements ExecutionInterceptor {
        private final Predicate<String> failPutsOf;

        FailPuts(Predicate<String> failPutsOf) {
            this.failPutsOf = failPutsOf;
        }

        /** Sends the PUT to a bucket that does not exist, so the failure is S3Mock's real NoSuchBucket answer. */
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutObjectRequest put && failPutsOf.test(put.key())) {
                SdkHttpRequest http = context.httpRequest();
                String path = http.encodedPath();
                int slash = path.indexOf('/', 1);
                return http.toBuilder().encodedPath("/" + MISSING_BUCKET + path.substring(slash)).build();
            }
            return context.httpRequest();
        }
    }
}
