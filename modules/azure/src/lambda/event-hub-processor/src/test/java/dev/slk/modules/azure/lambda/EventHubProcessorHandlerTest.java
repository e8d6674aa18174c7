/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.ModuleSecrets;
import dev.slk.lambda.testing.FakeContext;
import dev.slk.lambda.testing.LocalSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The handler as Lambda runs it: the secret from Secrets Manager, checkpoints in DynamoDB (both on
 * moto_server), the event queue on ElasticMQ, the Event Hub behind the partition-reader seam.
 */
class EventHubProcessorHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "bGlzdGVuLW9ubHkta2V5LXZhbHVlLTAxMjM0NTY3ODk=";
    private final SqsClient sqs = LocalSqs.client();
    private final String queue = LocalSqs.queue(sqs, "handler-" + System.nanoTime());
    private final DynamoDbClient dynamo = LocalMoto.dynamo();
    private final String table = LocalMoto.table(dynamo, "handler-" + System.nanoTime());
    private final SecretsManagerClient secretsManager = LocalMoto.secrets();
    private final ByteArrayOutputStream metricsOut = new ByteArrayOutputStream();
    private final FakeHub hub = new FakeHub(2);
    private final List<String> openedGroups = new ArrayList<>();

    private EventHubProcessorHandler handler(String secretValue, Map<String, String> extra) {
        String name = "azure-creds-" + System.nanoTime();
        secretsManager.createSecret(r -> r.name(name).secretString(secretValue));
        Map<String, String> env = new HashMap<>(Map.of("EVENT_QUEUE_URL", queue, "CREDENTIALS_SECRET_NAME", name,
                "CHECKPOINT_TABLE_NAME", table, "START_POSITION", "earliest", "RECEIVE_WAIT_SECONDS", "1",
                "MAX_SECONDS", "30"));
        env.putAll(extra);
        return new EventHubProcessorHandler(ProcessorConfig.fromEnvironment(env), sqs, dynamo,
                ModuleSecrets.create(secretsManager), (credentials, group) -> {
                    openedGroups.add(group);
                    return hub;
                }, new LagMetrics(new PrintStream(metricsOut, true, StandardCharsets.UTF_8), "processor",
                        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)), Clock.systemUTC());
    }

    private static String sasSecret(String group) {
        return "{\"eventHubName\": \"defender\", " + (group == null ? "" : "\"consumerGroup\": \"" + group + "\", ")
                + "\"connectionString\": \"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName="
                + "slk-listen;SharedAccessKey=" + KEY + "\"}";
    }

    @Test
    void anInvocationDeliversEveryPartitionAndPublishesTheLag() throws Exception {
        for (int i = 0; i < 5; i++) {
            hub.add("0", 10);
            hub.add("1", 10);
        }
        hub.addBody("1", "{\"records\": [{\"category\": \"SignInLogs\"}, {\"category\": \"AuditLogs\"}]}");
        Map<String, Object> response = handler(sasSecret("slk"), Map.of())
                .handleRequest(Map.of(), FakeContext.of("processor", "r1", 60_000));

        assertEquals(11, response.get("eventsDelivered"));
        assertEquals(12, response.get("records"));
        assertEquals(List.of("slk"), openedGroups, "the secret's consumer group");
        List<JsonNode> bodies = new ArrayList<>();
        for (String body : LocalSqs.drain(sqs, queue)) {
            bodies.add(JSON.readTree(body));
        }
        assertEquals("azure", bodies.get(0).at("/event_metadata/module_id").asText());
        assertEquals(12, bodies.stream().mapToInt(b -> b.path("event_data").size()).sum());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : metricsOut.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(3, lines.size());
        assertEquals("slk/azure", lines.get(2).at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals("MaxConsumerLag", lines.get(2).at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
        assertEquals(0, lines.get(2).path("MaxConsumerLag").asLong());
        assertEquals("processor", lines.get(0).path("FunctionName").asText());
    }

    @Test
    void theConfigsConsumerGroupWinsOverTheSecrets() {
        hub.add("0", 1);
        handler(sasSecret("from-secret"), Map.of("CONSUMER_GROUP", "from-config"))
                .handleRequest(Map.of(), FakeContext.of("processor", "r2", 60_000));
        assertEquals(List.of("from-config"), openedGroups);
    }

    @Test
    void withoutAnyConsumerGroupTheDefaultOneIsRead() {
        hub.add("0", 1);
        handler(sasSecret(null), Map.of()).handleRequest(Map.of(), FakeContext.of("processor", "r3", 60_000));
        assertEquals(List.of("$Default"), openedGroups);
    }

    @Test
    void aFailedPartitionFailsTheInvocationAfterTheOthersWereDelivered() {
        for (int i = 0; i < 3; i++) {
            hub.add("0", 1);
            hub.add("1", 1);
        }
        hub.failNextReceive = new IllegalStateException("link detached");
        EventHubProcessorHandler handler = handler(sasSecret("slk"), Map.of());
        PollFailedException failure = assertThrows(PollFailedException.class,
                () -> handler.handleRequest(Map.of(), FakeContext.of("processor", "r4", 60_000)));
        assertTrue(failure.getMessage().startsWith("1 of 2 partitions failed (3 of 3 events read were delivered"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("receive failed: IllegalStateException: link detached"),
                failure.getMessage());
        assertEquals(3, metricsOut.toString(StandardCharsets.UTF_8).split("\n").length, "the lag is published");

        Map<String, Object> retried = handler.handleRequest(Map.of(), FakeContext.of("processor", "r5", 60_000));
        assertEquals(3, retried.get("eventsDelivered"), "the retry reads what the failed partition left");
        assertEquals(2, openedGroups.size(), "the connection was opened again after the failure");
    }

    @Test
    void aSecretThatBreaksTheSchemaFailsWithTheFieldNamedAndNoValue() {
        EventHubProcessorHandler handler = handler("{\"eventHubName\": \"h\", \"tenantId\": \"t\", \"clientSecret\": \""
                + KEY + "\"}", Map.of());
        String message = assertThrows(AzureCredentials.InvalidCredentialsException.class,
                () -> handler.handleRequest(Map.of(), FakeContext.of("processor", "r6", 60_000))).getMessage();
        assertTrue(message.endsWith("has no text field clientId"), message);
        assertFalse(message.contains(KEY.substring(0, 6)), message);
    }

    @Test
    void theEnvironmentIsCheckedWithTheVariableNamed() {
        assertEquals("environment variable EVENT_QUEUE_URL is not set; slk's module sets it",
                assertThrows(IllegalStateException.class, () -> ProcessorConfig.fromEnvironment(Map.of())).getMessage());
        assertEquals("environment variable MAX_EVENTS is not a whole number", assertThrows(IllegalStateException.class,
                () -> ProcessorConfig.fromEnvironment(Map.of("EVENT_QUEUE_URL", "q", "CREDENTIALS_SECRET_NAME", "s",
                        "CHECKPOINT_TABLE_NAME", "t", "MAX_EVENTS", "many"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcessorConfig.fromEnvironment(Map.of("EVENT_QUEUE_URL",
                "q", "CREDENTIALS_SECRET_NAME", "s", "CHECKPOINT_TABLE_NAME", "t", "START_POSITION", "yesterday")));
    }
}
