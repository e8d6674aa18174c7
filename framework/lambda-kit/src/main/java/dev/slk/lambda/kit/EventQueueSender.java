package dev.slk.lambda.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Sends a module's events to the core event queue, packed: several events per message in the
 * transformer's envelope ({@link EventEnvelope}), up to {@value MessagePacker#MAX_ENTRIES} messages
 * per SendMessageBatch call, within SQS's size limits. Messages that fail for a passing reason
 * (throttling, an SQS internal error, a network failure) are sent again with backoff
 * ({@link RetryPolicy}) while the {@link TimeBudget} allows; the {@link SendResult} names every
 * event that was accepted and every one that was not, with the reason.
 *
 * <pre>{@code
 * EventQueueSender sender = EventQueueSender.builder(sqs, System.getenv("EVENT_QUEUE_URL"))
 *         .envelope(EventEnvelope.module("azure-defender")).build();
 * sender.send(events, TimeBudget.of(context)).orThrow();
 * }</pre>
 *
 * <p>The events of one message succeed or fail together in the transformer: if one of them
 * cannot be mapped, the whole message is retried and then goes to the event queue's DLQ.
 * Instances are immutable and safe to share between invocations and threads.
 */
public final class EventQueueSender {
    /**
     * The deepest nesting of objects and arrays an event may have, counting its own object as 1:
     * the transformer reads bodies nested at most 64 deep, and the envelope takes 2 of them.
     */
    public static final int MAX_EVENT_DEPTH = 62;
    /** SQS's default and long-standing limit for one message and for one SendMessageBatch call: 256 KiB. */
    public static final int DEFAULT_MAX_BYTES = 262_144;

    private static final Logger LOG = LoggerFactory.getLogger(EventQueueSender.class);

    /** Waits between attempts; tests advance a fake clock instead of sleeping. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final MessagePacker packer;
    private final RetryPolicy retry;
    private final Pause pause;
    private final DoubleSupplier random;

    private EventQueueSender(Builder b) {
        this.sqs = b.sqs;
        this.queueUrl = b.queueUrl;
        this.packer = new MessagePacker(b.envelope, b.maxMessageBytes, b.maxBatchBytes);
        this.retry = b.retry;
        this.pause = b.pause;
        this.random = b.random;
    }

    /**
     * @param sqs the SQS client (build it once per execution environment)
     * @param queueUrl the event queue's URL
     * @return a builder with the {@code {"events": [...]}} envelope, 256 KiB limits and {@link RetryPolicy#DEFAULT}
     */
    public static Builder builder(SqsClient sqs, String queueUrl) {
        return new Builder(sqs, queueUrl);
    }

    /**
     * Sends the events; returns when each is accepted or given up on. Never throws for a failure
     * of SQS: the result reports it.
     *
     * @param events JSON objects, as the source gave them
     * @param budget the time this send may take; no call or wait starts that it cannot hold
     * @return which events the queue accepted and which it did not
     */
    public SendResult send(List<? extends JsonNode> events, TimeBudget budget) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(budget, "budget");
        MessagePacker.Packing packing = packer.pack(events);
        Tally tally = new Tally(packing.refused());
        for (List<MessagePacker.Message> call : packing.calls()) {
            if (tally.outOfTime) {
                tally.giveUp(call, Undelivered.Reason.OUT_OF_TIME, Undelivered.Reason.OUT_OF_TIME.name(),
                        "the time budget ran out before this message was sent");
            } else {
                sendCall(call, budget, tally);
            }
        }
        return tally.result();
    }

    private void sendCall(List<MessagePacker.Message> call, TimeBudget budget, Tally tally) {
        Map<String, MessagePacker.Message> pending = new TreeMap<>();
        for (int i = 0; i < call.size(); i++) {
            pending.put("m" + i, call.get(i));
        }
        for (int attempt = 1; ; attempt++) {
            if (budget.isExhausted()) {
                tally.outOfTime = true;
                tally.giveUp(pending.values(), Undelivered.Reason.OUT_OF_TIME, Undelivered.Reason.OUT_OF_TIME.name(),
                        "the time budget ran out after " + (attempt - 1) + " attempts");
                return;
            }
            Failure failure = attempt(pending, max(budget.remaining(), Duration.ofMillis(1)), tally);
            if (pending.isEmpty()) {
                return;
            }
            if (attempt >= retry.maxAttempts()) {
                tally.giveUp(pending.values(), Undelivered.Reason.RETRIES_EXHAUSTED, failure.code(),
                        "still failing after " + attempt + " attempts: " + failure.detail());
                return;
            }
            Duration wait = retry.delayAfter(attempt, random.getAsDouble());
            if (!budget.allows(wait)) {
                tally.outOfTime = true;
                tally.giveUp(pending.values(), Undelivered.Reason.OUT_OF_TIME, failure.code(),
                        "the time budget ran out after " + attempt + " attempts; last: " + failure.detail());
                return;
            }
            LOG.warn("{} of {} messages failed ({}); attempt {} of {} in {} ms", pending.size(), call.size(),
                    failure.code(), attempt + 1, retry.maxAttempts(), wait.toMillis());
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tally.giveUp(pending.values(), Undelivered.Reason.INTERRUPTED, Undelivered.Reason.INTERRUPTED.name(),
                        "interrupted while waiting to retry");
                return;
            }
        }
    }

    /** One SendMessageBatch call; removes from {@code pending} what is settled, returns the last passing failure. */
    private Failure attempt(Map<String, MessagePacker.Message> pending, Duration remaining, Tally tally) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(pending.size());
        pending.forEach((id, m) -> entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(m.body()).build()));
        tally.apiCalls++;
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)
                    .overrideConfiguration(o -> o.apiCallTimeout(remaining)));
        } catch (SdkException e) {
            Failure failure = Failure.of(e);
            if (!failure.passing()) {
                tally.giveUp(pending.values(), Undelivered.Reason.REFUSED, failure.code(), failure.detail());
                pending.clear();
            }
            return failure;
        }
        for (SendMessageBatchResultEntry ok : response.successful()) {
            MessagePacker.Message m = pending.remove(ok.id());
            if (m != null) {
                tally.accept(m);
            }
        }
        Failure last = new Failure("Unanswered", "SQS answered neither success nor failure for the message", true);
        for (BatchResultErrorEntry error : response.failed()) {
            Failure failure = new Failure(error.code(), oneLine(error.message()), !Boolean.TRUE.equals(error.senderFault()));
            if (!failure.passing()) {
                MessagePacker.Message m = pending.remove(error.id());
                if (m != null) {
                    tally.giveUp(List.of(m), Undelivered.Reason.REFUSED, failure.code(), failure.detail());
                }
            } else {
                last = failure;
            }
        }
        return last;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /**
     * Why an attempt failed.
     *
     * @param code SQS's error code, or the exception's name
     * @param detail one line
     * @param passing whether a later attempt may succeed
     */
    private record Failure(String code, String detail, boolean passing) {
        static Failure of(SdkException e) {
            if (e instanceof AwsServiceException service) {
                String code = service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
                        ? service.awsErrorDetails().errorCode() : "HTTP " + service.statusCode();
                String message = service.awsErrorDetails() != null ? service.awsErrorDetails().errorMessage() : service.getMessage();
                return new Failure(code, oneLine(message), service.isThrottlingException() || service.statusCode() >= 500);
            }
            // Failures on the client's side are network failures that outlasted the SDK's own retries,
            // or the call timeout the budget set: the message may still have arrived.
            return new Failure(e.getClass().getSimpleName(), oneLine(e.getMessage()), true);
        }
    }

    /** The outcome of each event so far. */
    private static final class Tally {
        private final List<Integer> accepted = new ArrayList<>();
        private final List<Undelivered> undelivered;
        private int apiCalls;
        private int messages;
        private boolean outOfTime;

        Tally(List<Undelivered> refused) {
            this.undelivered = new ArrayList<>(refused);
        }

        void accept(MessagePacker.Message m) {
            accepted.addAll(m.events());
            messages++;
        }

        void giveUp(Iterable<MessagePacker.Message> messages, Undelivered.Reason reason, String code, String detail) {
            for (MessagePacker.Message m : messages) {
                for (int index : m.events()) {
                    undelivered.add(new Undelivered(index, reason, code, detail));
                }
            }
        }

        SendResult result() {
            accepted.sort(Comparator.naturalOrder());
            if (undelivered.isEmpty()) {
                return new SendResult.Delivered(accepted, apiCalls, messages);
            }
            undelivered.sort(Comparator.comparingInt(Undelivered::index));
            return new SendResult.Incomplete(accepted, undelivered, apiCalls, messages);
        }
    }

    /** Settings of a sender; every one has a default. */
    public static final class Builder {
        private final SqsClient sqs;
        private final String queueUrl;
        private EventEnvelope envelope = EventEnvelope.events();
        private int maxMessageBytes = DEFAULT_MAX_BYTES;
        private int maxBatchBytes = DEFAULT_MAX_BYTES;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Pause pause = d -> Thread.sleep(d.toMillis());
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(SqsClient sqs, String queueUrl) {
            this.sqs = Objects.requireNonNull(sqs, "sqs");
            if (queueUrl == null || queueUrl.isBlank()) {
                throw new IllegalArgumentException("the event queue URL is not set (the module passes it to the function, "
                        + "e.g. as EVENT_QUEUE_URL)");
            }
            this.queueUrl = queueUrl;
        }

        /**
         * @param envelope how events are wrapped in a message
         * @return this builder
         */
        public Builder envelope(EventEnvelope envelope) {
            this.envelope = Objects.requireNonNull(envelope, "envelope");
            return this;
        }

        /**
         * @param bytes the event queue's {@code MaximumMessageSize} (slk's {@code maxMessageSize}), 1,024 to 1,048,576
         * @return this builder
         */
        public Builder maxMessageBytes(int bytes) {
            this.maxMessageBytes = inRange("maxMessageBytes", bytes);
            return this;
        }

        /**
         * @param bytes the most one SendMessageBatch call may carry, 1,024 to 1,048,576 (SQS's own limit;
         *     256 KiB unless the account's limit is known to be larger)
         * @return this builder
         */
        public Builder maxBatchBytes(int bytes) {
            this.maxBatchBytes = inRange("maxBatchBytes", bytes);
            return this;
        }

        /**
         * @param retry how failed messages are retried
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        Builder pause(Pause pause) {
            this.pause = pause;
            return this;
        }

        Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /** @return the sender */
        public EventQueueSender build() {
            return new EventQueueSender(this);
        }

        private static int inRange(String what, int bytes) {
            if (bytes < 1024 || bytes > 1_048_576) {
                throw new IllegalArgumentException(what + " must be 1024 to 1048576 bytes, got " + bytes);
            }
            return bytes;
        }
    }
}
