/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * A real SQS client (ElasticMQ) with partial failures injected: an entry whose body the predicate
 * picks is not sent and is reported failed with {@code InternalError} (SenderFault false), as SQS
 * does under internal errors; the other entries of the call go through. Every body of a call
 * that had a failed entry is recorded, so a test knows which events were in failed batches.
 */
final class FaultySqs implements SqsClient {
    private final SqsClient real;
    private final Predicate<String> fails;
    final List<String> bodiesOfFailedCalls = new ArrayList<>();
    int failedEntries;

    FaultySqs(SqsClient real, Predicate<String> fails) {
        this.real = real;
        this.fails = fails;
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        List<SendMessageBatchRequestEntry> pass = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry entry : request.entries()) {
            if (fails.test(entry.messageBody())) {
                failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError").senderFault(false)
                        .message("injected").build());
            } else {
                pass.add(entry);
            }
        }
        if (!failed.isEmpty()) {
            failedEntries += failed.size();
            request.entries().forEach(entry -> bodiesOfFailedCalls.add(entry.messageBody()));
        }
        SendMessageBatchResponse sent = pass.isEmpty() ? SendMessageBatchResponse.builder().build()
                : real.sendMessageBatch(request.toBuilder().entries(pass).build());
        List<BatchResultErrorEntry> errors = new ArrayList<>(sent.failed());
        errors.addAll(failed);
        return sent.toBuilder().failed(errors).build();
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
        real.close();
    }
}
