/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriberGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Pub/Sub's Subscriber service as the poller uses it, in this JVM on 127.0.0.1: unary pull honouring
 * max messages, leases that expire on a clock the test moves, a new ack id per delivery (an ack or
 * deadline change with a superseded id is ignored, as Pub/Sub does without exactly-once delivery),
 * redelivery of what was not acknowledged, and faults the test injects.
 */
final class FakePubSub implements AutoCloseable {
    static final String SUBSCRIPTION = "projects/acme-scc-4711/subscriptions/scc-findings";

    private final Server server;
    private final Map<String, Entry> messages = new LinkedHashMap<>();
    private final AtomicLong clockMillis = new AtomicLong(1_000_000);
    private final AtomicInteger failAcknowledgeCalls = new AtomicInteger();
    private final List<String> violations = new ArrayList<>();
    private final AtomicInteger pullCalls = new AtomicInteger();
    private final AtomicInteger modifyCalls = new AtomicInteger();
    private volatile Predicate<String> deliveredToSqs = id -> true;
    private volatile Runnable onModify = () -> { };
    private final int subscriptionDeadlineSeconds;
    private int nextId;

    private static final class Entry {
        final String id;
        final ByteString data;
        long leasedUntil;
        String ackId;
        int deliveries;
        boolean acked;

        Entry(String id, ByteString data) {
            this.id = id;
            this.data = data;
        }
    }

    FakePubSub(int subscriptionDeadlineSeconds) throws IOException {
        this(subscriptionDeadlineSeconds, InsecureServerCredentials.create());
    }

    /**
     * @param subscriptionDeadlineSeconds the subscription's ack deadline
     * @param credentials plaintext, or TLS with a certificate of the test's
     * @param interceptors what sees each call first, such as a check of its credential
     */
    FakePubSub(int subscriptionDeadlineSeconds, ServerCredentials credentials, ServerInterceptor... interceptors)
            throws IOException {
        this.subscriptionDeadlineSeconds = subscriptionDeadlineSeconds;
        this.server = Grpc.newServerBuilderForPort(0, credentials)
                .addService(ServerInterceptors.intercept(new Service(), interceptors)).build().start();
    }

    String endpoint() {
        return "127.0.0.1:" + server.getPort();
    }

    synchronized String publish(String data) {
        String id = Integer.toString(++nextId);
        messages.put(id, new Entry(id, ByteString.copyFromUtf8(data)));
        return id;
    }

    /** Moves the subscription's clock: leases that end before the new time expire. */
    void advance(long millis) {
        clockMillis.addAndGet(millis);
    }

    /** Ends every current lease now, as if the poller had stalled past its deadline. */
    synchronized void expireAllLeases() {
        messages.values().forEach(e -> e.leasedUntil = Math.min(e.leasedUntil, clockMillis.get()));
    }

    void failAcknowledgeCalls(int calls) {
        failAcknowledgeCalls.set(calls);
    }

    /** @param check whether the message with this id has reached SQS; an acknowledge before that is a violation */
    void checkAcknowledgements(Predicate<String> check) {
        this.deliveredToSqs = check;
    }

    void onModifyAckDeadline(Runnable hook) {
        this.onModify = hook;
    }

    synchronized int unacknowledged() {
        return (int) messages.values().stream().filter(e -> !e.acked).count();
    }

    synchronized int deliveries(String id) {
        return messages.get(id).deliveries;
    }

    synchronized long leaseSecondsLeft(String id) {
        return (messages.get(id).leasedUntil - clockMillis.get()) / 1000;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    int pullCalls() {
        return pullCalls.get();
    }

    int modifyCalls() {
        return modifyCalls.get();
    }

    private final class Service extends SubscriberGrpc.SubscriberImplBase {
        @Override
        public void pull(PullRequest request, StreamObserver<PullResponse> response) {
            pullCalls.incrementAndGet();
            if (!SUBSCRIPTION.equals(request.getSubscription())) {
                response.onError(Status.NOT_FOUND.withDescription("Resource not found (resource="
                        + request.getSubscription() + ")").asRuntimeException());
                return;
            }
            PullResponse.Builder out = PullResponse.newBuilder();
            synchronized (FakePubSub.this) {
                long now = clockMillis.get();
                for (Entry e : messages.values()) {
                    if (out.getReceivedMessagesCount() >= request.getMaxMessages()) {
                        break;
                    }
                    if (!e.acked && e.leasedUntil <= now) {
                        e.deliveries++;
                        e.ackId = e.id + "-" + e.deliveries;
                        e.leasedUntil = now + subscriptionDeadlineSeconds * 1000L;
                        out.addReceivedMessages(ReceivedMessage.newBuilder().setAckId(e.ackId)
                                .setDeliveryAttempt(e.deliveries)
                                .setMessage(PubsubMessage.newBuilder().setMessageId(e.id).setData(e.data)));
                    }
                }
            }
            response.onNext(out.build());
            response.onCompleted();
        }

        @Override
        public void acknowledge(AcknowledgeRequest request, StreamObserver<Empty> response) {
            if (failAcknowledgeCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                // Not a code the client retries by itself (it retries UNAVAILABLE and the like).
                response.onError(Status.PERMISSION_DENIED.withDescription("injected acknowledge failure").asRuntimeException());
                return;
            }
            synchronized (FakePubSub.this) {
                long now = clockMillis.get();
                for (String ackId : request.getAckIdsList()) {
                    Entry e = messages.get(ackId.substring(0, ackId.indexOf('-')));
                    if (!deliveredToSqs.test(e.id)) {
                        violations.add("message " + e.id + " acknowledged before SQS had it");
                    }
                    if (ackId.equals(e.ackId) && e.leasedUntil > now) {
                        e.acked = true;
                    }
                }
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void modifyAckDeadline(ModifyAckDeadlineRequest request, StreamObserver<Empty> response) {
            modifyCalls.incrementAndGet();
            synchronized (FakePubSub.this) {
                long now = clockMillis.get();
                for (String ackId : request.getAckIdsList()) {
                    Entry e = messages.get(ackId.substring(0, ackId.indexOf('-')));
                    if (ackId.equals(e.ackId) && e.leasedUntil > now && !e.acked) {
                        e.leasedUntil = now + request.getAckDeadlineSeconds() * 1000L;
                    }
                }
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
            onModify.run();
        }
    }

    @Override
    public void close() {
        try {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
