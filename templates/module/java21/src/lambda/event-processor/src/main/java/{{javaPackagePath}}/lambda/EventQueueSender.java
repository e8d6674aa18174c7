/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends events to the core event queue with SendMessageBatch (see {@link MessageBatches} for
 * the limits). Entries that fail for a reason on SQS's side (throttling, an internal error) are
 * sent again, with exponential backoff and jitter, up to {@value #DEFAULT_ATTEMPTS} attempts in
 * all; entries SQS refuses as malformed are reported at once.
 */
final class EventQueueSender {
    static final int DEFAULT_ATTEMPTS = 4;
    static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(200);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EventQueueSender.class);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * An event that was not delivered.
     *
     * @param index its position in the list given to {@link #send}
     * @param code SQS's error code, or slk's for errors found before sending
     * @param message the reason
     */
    record Failure(int index, String code, String message) {
    }

    /**
     * @param sent how many events the queue accepted
     * @param failed the events it did not, in index order
     */
    record Result(int sent, List<Failure> failed) {
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Sleeper sleeper;

    EventQueueSender(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, DEFAULT_ATTEMPTS, DEFAULT_BASE_DELAY, duration -> Thread.sleep(duration.toMillis()));
    }

    EventQueueSender(SqsClient sqs, String queueUrl, int maxAttempts, Duration baseDelay, Sleeper sleeper) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.sleeper = sleeper;
    }

    /**
     * @param bodies the message bodies
     * @return what was sent and what was not
     */
    Result send(List<String> bodies) {
        MessageBatches split = MessageBatches.of(bodies);
        List<Failure> failed = new ArrayList<>();
        for (int index : split.oversized()) {
            failed.add(new Failure(index, "MessageTooLong", "the event is larger than "
                    + MessageBatches.MAX_BATCH_BYTES + " bytes, the most SQS accepts in one message"));
        }
        int sent = 0;
        for (List<Integer> batch : split.batches()) {
            sent += sendBatch(bodies, batch, failed);
        }
        failed.sort(java.util.Comparator.comparingInt(Failure::index));
        return new Result(sent, List.copyOf(failed));
    }

    private int sendBatch(List<String> bodies, List<Integer> batch, List<Failure> failed) {
        int sent = 0;
        List<Integer> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(pending.size());
            for (int index : pending) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(String.valueOf(index)).messageBody(bodies.get(index)).build());
            }
            List<Integer> retry = new ArrayList<>();
            String lastCode;
            String lastMessage;
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                sent += response.successful().size();
                lastCode = null;
                lastMessage = null;
                for (BatchResultErrorEntry error : response.failed()) {
                    int index = Integer.parseInt(error.id());
                    if (Boolean.TRUE.equals(error.senderFault())) {
                        failed.add(new Failure(index, error.code(), error.message()));
                    } else {
                        retry.add(index);
                        lastCode = error.code();
                        lastMessage = error.message();
                    }
                }
            } catch (SdkException e) {
                String code = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                        ? service.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
                if (!retryable(e)) {
                    for (int index : pending) {
                        failed.add(new Failure(index, code, e.getMessage()));
                    }
                    return sent;
                }
                retry.addAll(pending);
                lastCode = code;
                lastMessage = e.getMessage();
            }
            if (retry.isEmpty()) {
                return sent;
            }
            if (attempt >= maxAttempts) {
                for (int index : retry) {
                    failed.add(new Failure(index, lastCode, "still failing after " + attempt + " attempts: " + lastMessage));
                }
                return sent;
            }
            Duration delay = backoff(attempt);
            LOG.warn("{} events failed ({}); attempt {} of {} in {} ms", retry.size(), lastCode, attempt + 1,
                    maxAttempts, delay.toMillis());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (int index : retry) {
                    failed.add(new Failure(index, "Interrupted", "interrupted while waiting to retry"));
                }
                return sent;
            }
            pending = retry;
        }
    }

    /** Exponential backoff with jitter: between half and all of base * 2^(attempt-1), at most {@link #MAX_DELAY}. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_DELAY.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        // Client-side errors are network failures that outlasted the SDK's own retries.
        return true;
    }
}
