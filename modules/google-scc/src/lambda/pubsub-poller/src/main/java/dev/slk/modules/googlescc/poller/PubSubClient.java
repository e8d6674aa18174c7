/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.google.api.core.ApiFunction;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiException;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.pubsub.v1.stub.SubscriberStubSettings;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Pub/Sub's subscriber API through the client library's gRPC stub, unary calls only: pull,
 * acknowledge and modifyAckDeadline. No streaming pull and no background threads of the library's
 * high-level Subscriber: a scheduled function pulls what it can hold and returns.
 */
final class PubSubClient implements AutoCloseable {
    /** Pub/Sub takes at most 2,500 ack ids per call; slk keeps well below the request size limit. */
    static final int MAX_IDS_PER_CALL = 1000;
    static final String PUBSUB_SCOPE = "https://www.googleapis.com/auth/pubsub";

    private final SubscriberStub stub;
    private final SubscriberStubSettings settings;
    private final String subscription;

    private PubSubClient(SubscriberStub stub, SubscriberStubSettings settings, String subscription) {
        this.stub = stub;
        this.settings = settings;
        this.subscription = subscription;
    }

    /**
     * @param credentials the poller's Google credential
     * @param subscription {@code projects/P/subscriptions/S}
     * @return a client for Google's endpoint over TLS
     */
    static PubSubClient google(GoogleCredentials credentials, String subscription) {
        return overTls(SubscriberStubSettings.getDefaultEndpoint(), credentials, subscription, builder -> builder);
    }

    /**
     * The production client: the library's default gRPC transport (TLS, the JDK's or BoringSSL's
     * trust in Google's certificate), the credential's token on every call.
     *
     * @param endpoint {@code host:port}
     * @param credentials the credential whose token each call carries
     * @param subscription {@code projects/P/subscriptions/S}
     * @param channel a last change to the channel builder: none in production; a test's trust in its own certificate
     * @return the client
     */
    @SuppressWarnings("rawtypes") // gax's channel configurator takes the raw ManagedChannelBuilder
    static PubSubClient overTls(String endpoint, GoogleCredentials credentials, String subscription,
            ApiFunction<ManagedChannelBuilder, ManagedChannelBuilder> channel) {
        return create(endpoint, FixedCredentialsProvider.create(credentials.createScoped(List.of(PUBSUB_SCOPE))),
                SubscriberStubSettings.defaultGrpcTransportProviderBuilder().setChannelConfigurator(channel).build(),
                subscription);
    }

    /**
     * @param endpoint {@code host:port} of a local server speaking plaintext gRPC
     * @param subscription {@code projects/P/subscriptions/S}
     * @return a client without credentials, for tests and local runs
     */
    static PubSubClient plaintext(String endpoint, String subscription) {
        return create(endpoint, NoCredentialsProvider.create(), InstantiatingGrpcChannelProvider.newBuilder()
                .setEndpoint(endpoint).setChannelConfigurator(builder -> builder.usePlaintext()).build(), subscription);
    }

    private static PubSubClient create(String endpoint, CredentialsProvider credentials,
            InstantiatingGrpcChannelProvider channel, String subscription) {
        try {
            SubscriberStubSettings settings = SubscriberStubSettings.newBuilder().setEndpoint(endpoint)
                    .setCredentialsProvider(credentials).setTransportChannelProvider(channel).build();
            return new PubSubClient(GrpcSubscriberStub.create(settings), settings, subscription);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Pub/Sub client for " + subscription, e);
        }
    }

    /**
     * @param maxMessages at most this many
     * @param timeout the call's deadline
     * @return the messages Pub/Sub leased to this caller; empty when the subscription has none now
     * @throws ApiException when the call fails
     */
    List<ReceivedMessage> pull(int maxMessages, Duration timeout) {
        return stub.pullCallable().call(PullRequest.newBuilder().setSubscription(subscription).setMaxMessages(maxMessages)
                .build(), context(settings.pullSettings().getRetrySettings(), timeout)).getReceivedMessagesList();
    }

    /**
     * @param ackIds the messages to acknowledge: they are gone from the subscription afterwards
     * @param timeout the deadline of each call
     * @throws ApiException when a call fails
     */
    void acknowledge(List<String> ackIds, Duration timeout) {
        for (List<String> part : chunks(ackIds)) {
            stub.acknowledgeCallable().call(AcknowledgeRequest.newBuilder().setSubscription(subscription)
                    .addAllAckIds(part).build(), context(settings.acknowledgeSettings().getRetrySettings(), timeout));
        }
    }

    /**
     * @param ackIds the messages whose lease changes
     * @param seconds the new lease from now; 0 hands them back for redelivery at once
     * @param timeout the deadline of each call
     * @throws ApiException when a call fails
     */
    void modifyAckDeadline(List<String> ackIds, int seconds, Duration timeout) {
        for (List<String> part : chunks(ackIds)) {
            stub.modifyAckDeadlineCallable().call(ModifyAckDeadlineRequest.newBuilder().setSubscription(subscription)
                    .addAllAckIds(part).setAckDeadlineSeconds(seconds).build(),
                    context(settings.modifyAckDeadlineSettings().getRetrySettings(), timeout));
        }
    }

    /**
     * The library's retries of a call (UNAVAILABLE and the like) would go on for its own total
     * timeout, a minute for pull, past the run's budget: here they end with the call's deadline.
     */
    private static GrpcCallContext context(RetrySettings library, Duration timeout) {
        return GrpcCallContext.createDefault().withTimeoutDuration(timeout).withRetrySettings(library.toBuilder()
                .setTotalTimeoutDuration(timeout).setInitialRpcTimeoutDuration(timeout).setMaxRpcTimeoutDuration(timeout)
                .build());
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> parts = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_IDS_PER_CALL) {
            parts.add(ids.subList(i, Math.min(ids.size(), i + MAX_IDS_PER_CALL)));
        }
        return parts;
    }

    @Override
    public void close() {
        stub.close();
    }
}
