/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.core.ApiFunction;
import com.google.api.gax.rpc.ApiException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.pubsub.v1.ReceivedMessage;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client the function uses in production (TLS, the credential's token on each call, the
 * library's default transport), on the slim package's libraries, against the fake Subscriber
 * service serving TLS on 127.0.0.1 with a certificate this test makes with keytool.
 */
class PubSubClientTlsTest {
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    @TempDir
    Path temp;

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final String token = UUID.randomUUID().toString();
    private KeyStore keys;
    private ServerCredentials tls;

    @BeforeEach
    void certificate() throws Exception {
        Path store = TokenServer.keyStore(temp);
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, TokenServer.PASSWORD);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, TokenServer.PASSWORD);
        tls = TlsServerCredentials.newBuilder().keyManager(factory.getKeyManagers()).build();
    }

    /** Records each call's Authorization header; the test compares it and never prints it. */
    private ServerInterceptor recordAuthorization() {
        return new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                    ServerCallHandler<Q, A> next) {
                authorizations.add(String.valueOf(headers.get(AUTHORIZATION)));
                return next.startCall(call, headers);
            }
        };
    }

    private GoogleCredentials credentials() {
        return GoogleCredentials.create(new AccessToken(token, Date.from(Instant.now().plus(Duration.ofHours(1)))));
    }

    /** The production channel plus trust in this test's certificate, and nothing else changed. */
    @SuppressWarnings("rawtypes") // gax's channel configurator takes the raw ManagedChannelBuilder
    private ApiFunction<ManagedChannelBuilder, ManagedChannelBuilder> trustingTheTestCertificate() throws Exception {
        X509Certificate certificate = (X509Certificate) keys.getCertificate("loopback");
        return builder -> {
            try {
                return ((NettyChannelBuilder) builder).sslContext(GrpcSslContexts.forClient().trustManager(certificate).build());
            } catch (SSLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void theProductionClientPullsAndAcknowledgesOverTlsWithTheTokenOnEveryCall() throws Exception {
        try (FakePubSub pubsub = new FakePubSub(30, tls, recordAuthorization())) {
            for (int i = 1; i <= 3; i++) {
                pubsub.publish(Notifications.finding(i));
            }
            try (PubSubClient client = PubSubClient.overTls(pubsub.endpoint(), credentials(), FakePubSub.SUBSCRIPTION,
                    trustingTheTestCertificate())) {
                List<ReceivedMessage> pulled = client.pull(10, Duration.ofSeconds(10));
                assertEquals(3, pulled.size());
                client.modifyAckDeadline(pulled.stream().map(ReceivedMessage::getAckId).toList(), 60, Duration.ofSeconds(10));
                client.acknowledge(pulled.stream().map(ReceivedMessage::getAckId).toList(), Duration.ofSeconds(10));
            }
            assertEquals(0, pubsub.unacknowledged());
        }
        assertEquals(3, authorizations.size());
        assertTrue(authorizations.stream().allMatch(("Bearer " + token)::equals),
                "a call came without the credential's token (values not shown)");
    }

    @Test
    void withoutTrustInTheServersCertificateNoCallReachesIt() throws Exception {
        try (FakePubSub pubsub = new FakePubSub(30, tls, recordAuthorization())) {
            pubsub.publish(Notifications.finding(1));
            try (PubSubClient client = PubSubClient.overTls(pubsub.endpoint(), credentials(), FakePubSub.SUBSCRIPTION,
                    builder -> builder)) {
                assertThrows(ApiException.class, () -> client.pull(10, Duration.ofSeconds(3)));
            }
            assertEquals(1, pubsub.unacknowledged());
        }
        assertEquals(List.of(), authorizations);
    }
}
