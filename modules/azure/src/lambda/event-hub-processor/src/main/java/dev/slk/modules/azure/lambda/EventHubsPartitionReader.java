/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubConsumerClient;
import com.azure.messaging.eventhubs.PartitionProperties;
import com.azure.messaging.eventhubs.models.EventPosition;
import com.azure.messaging.eventhubs.models.PartitionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The partitions of an Event Hub, read with the Event Hubs client over AMQP 1.0. */
public final class EventHubsPartitionReader implements PartitionReader {
    private static final Logger LOG = LoggerFactory.getLogger(EventHubsPartitionReader.class);

    private final EventHubConsumerClient client;
    private final AmqpRetryOptions retry;
    private final Map<String, String> retried = new ConcurrentHashMap<>();

    private EventHubsPartitionReader(EventHubConsumerClient client, AmqpRetryOptions retry) {
        this.client = client;
        this.retry = retry;
    }

    /**
     * @param credentials the Event Hub and how to authenticate to it
     * @param consumerGroup the consumer group to read with
     * @return a reader; it connects on first use
     */
    public static EventHubsPartitionReader open(AzureCredentials credentials, String consumerGroup) {
        return open(credentials, consumerGroup, new AmqpRetryOptions().setMaxRetries(2)
                .setTryTimeout(Duration.ofSeconds(20)));
    }

    /** As {@link #open(AzureCredentials, String)}, with the client's retries (tests make them short). */
    static EventHubsPartitionReader open(AzureCredentials credentials, String consumerGroup, AmqpRetryOptions retry) {
        EventHubClientBuilder builder = new EventHubClientBuilder()
                .consumerGroup(consumerGroup)
                .retryOptions(retry);
        if (credentials.auth() instanceof AzureCredentials.SharedAccess shared) {
            if (shared.hasEntityPath()) {
                builder.connectionString(shared.connectionString());
            } else {
                builder.connectionString(shared.connectionString(), credentials.eventHub());
            }
        } else if (credentials.auth() instanceof AzureCredentials.ServicePrincipal principal) {
            builder.credential(credentials.namespace(), credentials.eventHub(), new ClientSecretCredentialBuilder()
                    .tenantId(principal.tenantId()).clientId(principal.clientId())
                    .clientSecret(principal.clientSecret()).build());
        }
        return new EventHubsPartitionReader(builder.buildConsumerClient(), retry);
    }

    @Override
    public List<String> partitionIds() {
        List<String> ids = new ArrayList<>();
        client.getPartitionIds().forEach(ids::add);
        return ids;
    }

    @Override
    public PartitionEnd end(String partitionId) {
        PartitionProperties properties = client.getPartitionProperties(partitionId);
        Instant time = properties.getLastEnqueuedTime() == null ? Instant.EPOCH : properties.getLastEnqueuedTime();
        return new PartitionEnd(properties.isEmpty(), properties.getLastEnqueuedSequenceNumber(),
                Optional.ofNullable(properties.getLastEnqueuedOffset()), time);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The client does not retry a synchronous read: a retriable link error (the service is
     * busy, a link or connection that closed) fails it at once. Such a read is tried again here,
     * as often and as late as the retry options say; the events that came before the error are
     * kept, and the next read goes on after them.
     */
    @Override
    public List<ReceivedEvent> receive(String partitionId, StartPosition from, int maxEvents, Duration maxWait) {
        for (int attempt = 1; ; attempt++) {
            List<ReceivedEvent> events = new ArrayList<>(maxEvents);
            try {
                for (PartitionEvent event : client.receiveFromPartition(partitionId, maxEvents, position(from),
                        maxWait)) {
                    EventData data = event.getData();
                    events.add(new ReceivedEvent(partitionId, data.getSequenceNumber(),
                            Optional.ofNullable(data.getOffsetString()), data.getEnqueuedTime(), data.getBody()));
                }
                if (!events.isEmpty()) {
                    retried.remove(partitionId);
                }
                return events;
            } catch (RuntimeException e) {
                ReceiveFailedException failure = new ReceiveFailedException(partitionId, e);
                if (!retriable(e) || (events.isEmpty() && attempt > retry.getMaxRetries())) {
                    throw failure;
                }
                retried.put(partitionId, failure.getMessage());
                if (!events.isEmpty()) {
                    LOG.warn("{}; the {} events before it are kept", failure.getMessage(), events.size());
                    return events;
                }
                Duration delay = delay(attempt);
                LOG.warn("{}; read again in {} ms ({} of {} retries)", failure.getMessage(), delay.toMillis(), attempt,
                        retry.getMaxRetries());
                pause(delay, failure);
            }
        }
    }

    @Override
    public Optional<String> retriedFailure(String partitionId) {
        return Optional.ofNullable(retried.get(partitionId));
    }

    /** A transient service error, or a link that ended without one (its connection dropped). */
    private static boolean retriable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AmqpException amqp) {
                return amqp.isTransient();
            }
        }
        return String.valueOf(failure.getMessage()).contains(UPSTREAM_COMPLETION);
    }

    private Duration delay(int attempt) {
        Duration grown = retry.getDelay().multipliedBy(1L << Math.min(attempt - 1, 16));
        return grown.compareTo(retry.getMaxDelay()) > 0 ? retry.getMaxDelay() : grown;
    }

    private static void pause(Duration delay, ReceiveFailedException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /**
     * The client reports a link the service closed as "The receiver client is terminated"; the
     * service's own error (its condition and description) is further down the causes, and so is
     * the client's own error (an event it cannot decode, for one).
     */
    private static String serviceError(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AmqpException amqp) {
                return amqp.getErrorCondition() == null ? amqp.getMessage()
                        : amqp.getErrorCondition().getErrorCondition() + ": " + amqp.getMessage();
            }
            root = cause;
        }
        if (root != failure) {
            return root.getClass().getSimpleName() + ": " + root.getMessage() + "; the client reports: "
                    + failure.getMessage();
        }
        String message = String.valueOf(failure.getMessage());
        return message.contains(UPSTREAM_COMPLETION) ? "the connection or the receive link closed while reading, "
                + "without an error from the service; the client reports: " + message : message;
    }

    /** How the client reports a receive link that ended with no error, as when its connection dropped. */
    private static final String UPSTREAM_COMPLETION = "(Reason: upstream-completion)";

    /** A receive call failed; the message carries the service's error when there is one. */
    static final class ReceiveFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReceiveFailedException(String partitionId, RuntimeException cause) {
            super("partition " + partitionId + ": " + serviceError(cause), cause);
        }
    }

    static EventPosition position(StartPosition from) {
        if (from instanceof StartPosition.After after) {
            return EventPosition.fromSequenceNumber(after.sequenceNumber(), false);
        }
        if (from instanceof StartPosition.EnqueuedAfter enqueued) {
            return EventPosition.fromEnqueuedTime(enqueued.time());
        }
        if (from instanceof StartPosition.Earliest) {
            return EventPosition.earliest();
        }
        return EventPosition.latest();
    }

    @Override
    public void close() {
        client.close();
    }
}
