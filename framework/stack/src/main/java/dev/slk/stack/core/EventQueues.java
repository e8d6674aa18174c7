package dev.slk.stack.core;

import dev.slk.core.config.ProjectConfig;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A work queue and its dead-letter queue: SSL enforced by the queue policy, encrypted with the
 * shared key when there is one (SQS-managed otherwise), redrive after maxReceiveCount.
 */
final class EventQueues {
    private final Queue queue;
    private final Queue deadLetterQueue;

    private EventQueues(Queue queue, Queue deadLetterQueue) {
        this.queue = queue;
        this.deadLetterQueue = deadLetterQueue;
    }

    /**
     * @param scope where to create them
     * @param id construct id prefix, e.g. {@code Event}
     * @param names resource names
     * @param queueName name of the queue before qualification, and the config key it comes from
     * @param deadLetterName the same for the dead-letter queue
     * @param settings the queue settings
     * @param key the key, when the queues use the shared key
     */
    static EventQueues create(Construct scope, String id, ResourceNames names, ConfiguredName queueName, ConfiguredName deadLetterName,
            ProjectConfig.SqsQueue settings, Optional<IKey> key) {
        ProjectConfig.DeadLetterQueue dlqSettings = settings.deadLetterQueue();
        Queue dlq = null;
        if (dlqSettings.enabled()) {
            dlq = encrypted(Queue.Builder.create(scope, id + "DeadLetterQueue"), key)
                    .queueName(names.queue(deadLetterName.name(), deadLetterName.key()))
                    .retentionPeriod(Duration.seconds(dlqSettings.messageRetentionPeriod()))
                    .enforceSsl(true)
                    .build();
            NagSuppressions.addResourceSuppressions(dlq, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-SQS3")
                    .reason("This queue is itself the dead-letter queue of " + id + "Queue; a DLQ of a DLQ would only "
                            + "move the problem. Its depth is alarmed on when monitoring is enabled.")
                    .build()));
        }
        Queue.Builder builder = encrypted(Queue.Builder.create(scope, id + "Queue"), key)
                .queueName(names.queue(queueName.name(), queueName.key()))
                .visibilityTimeout(Duration.seconds(settings.visibilityTimeout()))
                .retentionPeriod(Duration.seconds(settings.messageRetentionPeriod()))
                .maxMessageSizeBytes(settings.maxMessageSize())
                .receiveMessageWaitTime(Duration.seconds(settings.receiveMessageWaitTime()))
                .enforceSsl(true);
        if (dlq != null) {
            builder.deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(dlqSettings.maxReceiveCount())
                    .build());
        }
        return new EventQueues(builder.build(), dlq);
    }

    private static Queue.Builder encrypted(Queue.Builder builder, Optional<IKey> key) {
        return key.map(k -> builder.encryption(QueueEncryption.KMS).encryptionMasterKey(k)
                        .dataKeyReuse(Duration.minutes(5)))
                .orElseGet(() -> builder.encryption(QueueEncryption.SQS_MANAGED));
    }

    Queue queue() {
        return queue;
    }

    Optional<Queue> deadLetterQueue() {
        return Optional.ofNullable(deadLetterQueue);
    }
}
