/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The real SQS client of ElasticMQ with faults in front of it: entries the plan picks fail as SQS
 * internal errors (a passing failure) without being sent. It records the message ids (the finding
 * name's last part) whose events SQS accepted, before the poller is told.
 */
final class FaultySqs implements SqsClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient delegate;
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private volatile BiPredicate<Integer, String> fail = (call, entry) -> false;
    private volatile Runnable beforeCall = () -> { };

    FaultySqs(SqsClient delegate) {
        this.delegate = delegate;
    }

    /** @param plan (call number from 1, entry id) to whether that entry fails */
    void failWhen(BiPredicate<Integer, String> plan) {
        this.fail = plan;
    }

    void beforeEachCall(Runnable hook) {
        this.beforeCall = hook;
    }

    boolean accepted(String messageId) {
        return accepted.contains(messageId);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        int call = calls.incrementAndGet();
        beforeCall.run();
        List<SendMessageBatchRequestEntry> send = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry entry : request.entries()) {
            if (fail.test(call, entry.id())) {
                failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError")
                        .message("injected failure").senderFault(false).build());
            } else {
                send.add(entry);
            }
        }
        SendMessageBatchResponse.Builder response = SendMessageBatchResponse.builder().failed(failed);
        if (!send.isEmpty()) {
            SendMessageBatchResponse real = delegate.sendMessageBatch(request.toBuilder().entries(send).build());
            for (SendMessageBatchRequestEntry entry : send) {
                if (real.successful().stream().anyMatch(s -> s.id().equals(entry.id()))) {
                    record(entry.messageBody());
                }
            }
            response.successful(real.successful());
            List<BatchResultErrorEntry> all = new ArrayList<>(failed);
            all.addAll(real.failed());
            response.failed(all);
        }
        return response.build();
    }

    private void record(String body) {
        try {
            for (JsonNode event : JSON.readTree(body).path("event_data")) {
                String name = event.at("/finding/name").asText();
                accepted.add(name.substring(name.lastIndexOf('/') + 1));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
