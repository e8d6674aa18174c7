/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.slk.lambda.kit.AwsClients;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.ModuleLogging;
import dev.slk.lambda.kit.ModuleSecrets;
import dev.slk.lambda.kit.Secret;
import dev.slk.lambda.kit.TimeBudget;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The scheduled entry point: reads the credentials secret, runs the {@link EventHubPoller} over
 * every partition, publishes the consumer lag, and fails the invocation when a partition failed
 * (Lambda then retries it, its dead-letter queue receives it, the errors alarm fires).
 * Logs go through Powertools logging ({@link PowertoolsLogging} by way of {@link ModuleLogging}).
 */
public final class EventHubProcessorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** The module id on every log line. */
    public static final String MODULE_ID = "azure";
    private static final Logger LOG = LoggerFactory.getLogger(EventHubProcessorHandler.class);

    private final ProcessorConfig config;
    private final DynamoDbClient dynamo;
    private final ModuleSecrets secrets;
    private final BiFunction<AzureCredentials, String, PartitionReader> readers;
    private final EventQueueSender sender;
    private final LagMetrics metrics;
    private final Clock clock;
    private PartitionReader reader;
    private String readerKey;

    /** Lambda's constructor: clients from the environment, built once per execution environment. */
    public EventHubProcessorHandler() {
        this(ProcessorConfig.fromEnvironment(System.getenv()), AwsClients.sqs(),
                DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                ModuleSecrets.create(AwsClients.secretsManager()), EventHubsPartitionReader::open,
                new LagMetrics(System.out, Objects.requireNonNullElse(System.getenv("AWS_LAMBDA_FUNCTION_NAME"),
                        "local"), Clock.systemUTC()), Clock.systemUTC());
    }

    /**
     * @param config the settings
     * @param sqs the event queue's client
     * @param dynamo the checkpoint table's client
     * @param secrets where the credentials are read
     * @param readers opens a reader for credentials and a consumer group
     * @param metrics where the consumer lag goes
     * @param clock the checkpoints' update time
     */
    public EventHubProcessorHandler(ProcessorConfig config, SqsClient sqs, DynamoDbClient dynamo,
            ModuleSecrets secrets, BiFunction<AzureCredentials, String, PartitionReader> readers, LagMetrics metrics,
            Clock clock) {
        this.config = config;
        this.dynamo = dynamo;
        this.secrets = secrets;
        this.readers = readers;
        this.sender = EventQueueSender.builder(sqs, config.queueUrl()).envelope(EventEnvelope.module(MODULE_ID))
                .build();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return ModuleLogging.handle(MODULE_ID, context, () -> run(TimeBudget.of(context)));
    }

    private Map<String, Object> run(TimeBudget sending) {
        Secret secret = secrets.get(config.secretName());
        AzureCredentials credentials = AzureCredentials.parse(secret.name(), secret.value());
        String group = config.consumerGroup().or(credentials::consumerGroup)
                .orElse(ProcessorConfig.DEFAULT_CONSUMER_GROUP);
        CheckpointStore store = new DynamoCheckpointStore(dynamo, config.tableName(), credentials.namespace(),
                credentials.eventHub(), group, clock);
        Duration readingTime = config.maxSeconds().compareTo(sending.remaining()) < 0 ? config.maxSeconds()
                : sending.remaining();
        TimeBudget reading = TimeBudget.of(readingTime, Duration.ZERO, System::nanoTime);
        PartitionReader partitions = reader(credentials, group, secret.value());
        try {
            PollResult result = new EventHubPoller(partitions, store, sender, config.limits()).run(reading, sending);
            metrics.publish(result.partitions());
            LOG.info("read {} events from {} partitions of {}, delivered {} in {} SendMessageBatch calls",
                    result.eventsRead(), result.partitions().size(), credentials.eventHub(), result.eventsDelivered(),
                    result.apiCalls());
            return result.summary();
        } catch (PollFailedException e) {
            metrics.publish(e.result().partitions());
            dropReader();
            throw e;
        } catch (RuntimeException e) {
            dropReader();
            throw e;
        }
    }

    /** One connection per execution environment, opened again when the credentials change. */
    private PartitionReader reader(AzureCredentials credentials, String group, String secretValue) {
        String key = group + "\n" + Integer.toHexString(secretValue.hashCode());
        if (reader == null || !key.equals(readerKey)) {
            dropReader();
            reader = readers.apply(credentials, group);
            readerKey = key;
        }
        return reader;
    }

    private void dropReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the Event Hubs connection failed: {}", e.getClass().getSimpleName());
            }
            reader = null;
            readerKey = null;
        }
    }
}
