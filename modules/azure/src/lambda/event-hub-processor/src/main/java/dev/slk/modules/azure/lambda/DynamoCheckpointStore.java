/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Checkpoints in the module's DynamoDB table, one item per partition under the key
 * {@code <namespace>/<event hub>/<consumer group>/<partition>}. A write is conditional: it
 * succeeds only when the item is absent or holds a smaller sequence number, so a checkpoint
 * never moves back, whatever the order of writes. Items carry no TTL.
 */
public final class DynamoCheckpointStore implements CheckpointStore {
    static final String KEY = "id";
    static final String SEQUENCE = "sequenceNumber";
    static final String OFFSET = "offset";
    static final String ENQUEUED = "enqueuedTime";
    static final String UPDATED = "updatedAt";
    static final String ROTATION = "rotation";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String scope;
    private final Clock clock;

    /**
     * @param dynamo the client
     * @param table the table's name
     * @param namespace the Event Hubs namespace, e.g. {@code contoso.servicebus.windows.net}
     * @param eventHub the Event Hub
     * @param consumerGroup the consumer group
     * @param clock the time written as {@code updatedAt}
     */
    public DynamoCheckpointStore(DynamoDbClient dynamo, String table, String namespace, String eventHub,
            String consumerGroup, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.scope = namespace + "/" + eventHub + "/" + consumerGroup;
        this.clock = clock;
    }

    @Override
    public Optional<Checkpoint> read(String partitionId) {
        Map<String, AttributeValue> item;
        try {
            item = dynamo.getItem(r -> r.tableName(table).key(key(partitionId)).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new CheckpointException("checkpoint of partition " + partitionId + " could not be read from table "
                    + table + ": " + code(e), e);
        }
        if (item == null || item.isEmpty() || !item.containsKey(SEQUENCE)) {
            return Optional.empty();
        }
        return Optional.of(new Checkpoint(partitionId, Long.parseLong(item.get(SEQUENCE).n()),
                Optional.ofNullable(item.get(OFFSET)).map(AttributeValue::s),
                Instant.parse(item.getOrDefault(ENQUEUED, AttributeValue.fromS(Instant.EPOCH.toString())).s())));
    }

    @Override
    public boolean advance(Checkpoint checkpoint) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                KEY, AttributeValue.fromS(id(checkpoint.partitionId())),
                SEQUENCE, AttributeValue.fromN(Long.toString(checkpoint.sequenceNumber())),
                ENQUEUED, AttributeValue.fromS(checkpoint.enqueuedTime().toString()),
                UPDATED, AttributeValue.fromS(clock.instant().toString())));
        // No offset is stored as no attribute: reading resumes by sequence number.
        checkpoint.offset().ifPresent(offset -> item.put(OFFSET, AttributeValue.fromS(offset)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#seq) OR #seq < :seq")
                    .expressionAttributeNames(Map.of("#seq", SEQUENCE))
                    .expressionAttributeValues(Map.of(":seq", item.get(SEQUENCE))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new CheckpointException("checkpoint of partition " + checkpoint.partitionId() + " at sequence number "
                    + checkpoint.sequenceNumber() + " could not be written to table " + table + ": " + code(e), e);
        }
    }

    @Override
    public long nextRotation() {
        try {
            return Long.parseLong(dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of(KEY, AttributeValue.fromS(ROTATION + "#" + scope)))
                    .updateExpression("ADD #n :one")
                    .expressionAttributeNames(Map.of("#n", ROTATION))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes().get(ROTATION).n());
        } catch (SdkException e) {
            throw new CheckpointException("the rotation counter in table " + table + " could not be updated: "
                    + code(e), e);
        }
    }

    private Map<String, AttributeValue> key(String partitionId) {
        return Map.of(KEY, AttributeValue.fromS(id(partitionId)));
    }

    private String id(String partitionId) {
        return scope + "/" + partitionId;
    }

    private static String code(SdkException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }
}
