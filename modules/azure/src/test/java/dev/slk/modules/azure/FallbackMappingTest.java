/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.mapping.Mapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documented fallback (mappings/unrecognised.yaml): a record no other mapping recognises still
 * becomes a valid OCSF record, API Activity with activity and severity Unknown and the record in
 * raw_data, whatever its shape; so it is written, never retried until the dead-letter queue.
 */
class FallbackMappingTest {
    private static final String FALLBACK = "azure-unrecognised-record";
    private static final long ENQUEUED = 1_764_500_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"azure_event_body\": \"plain text, not JSON\"}",
        "{\"azure_event_body\": 42}",
        "{\"category\": \"ContainerRegistryLoginEvents\", \"time\": \"2026-11-30T10:00:00Z\", \"operationName\": \"Login\"}",
        "{\"category\": \"SignInLogs\"}",
        "{\"time\": \"last tuesday\", \"category\": {\"nested\": true}, \"severity_id\": \"high\", \"class_uid\": \"x\"}",
        "{\"type\": \"Microsoft.Security/somethingNew\", \"properties\": [1, 2, {\"a\": null}]}",
        "{\"SystemAlertId\": \"only one of the alert keys\"}",
        "{\"eventType\": \"Microsoft.Storage.BlobTierChanged\", \"data\": {}, \"eventTime\": 5}",
        "{\"Type\": \"Syslog\", \"TimeGenerated\": \"2026-11-30T10:00:00Z\"}",
        "{\"records\": \"not an array\", \"time\": [\"2026\"]}",
        "{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": [[[\"deep\"]]]}}}}}, \"time\": null}"})
    void aRecordNoMappingRecognisesBecomesAValidRecordOfTheFallback(String text) throws IOException {
        ObjectNode event = (ObjectNode) Slk.JSON.readTree(text);
        event.put("slk_enqueued_time", ENQUEUED);
        Mapping mapping = AzureCatalog.select(event);
        assertEquals(FALLBACK, mapping.id());
        ObjectNode record = AzureCatalog.apply(mapping, event);
        assertEquals(6003, record.path("class_uid").asInt());
        assertEquals(0, record.path("activity_id").asInt());
        assertEquals(0, record.path("severity_id").asInt());
        assertEquals(ENQUEUED, record.path("time").asLong(), "the time the event reached the Event Hub");
        assertEquals(event, Slk.JSON.readTree(record.path("raw_data").asText()), "the whole record is kept");
        assertEquals("azure-unrecognised", record.at("/metadata/labels/0").asText());
    }

    @Test
    void aRecordFromElsewhereWithoutTheEnqueuedTimeStillMaps() {
        ObjectNode event = Slk.JSON.createObjectNode().put("unknown", "shape");
        ObjectNode record = AzureCatalog.apply(AzureCatalog.select(event), event);
        assertEquals(0, record.path("time").asLong());
    }

    /** Random shapes from a pool of Azure keys and values of every JSON type, seeded so a failure repeats. */
    @Test
    void everyRandomShapeThatNoMappingRecognisesMapsToAValidRecord() {
        Random random = new Random(16);
        int fallback = 0;
        for (int i = 0; i < 2_000; i++) {
            ObjectNode event = randomRecord(random, 0);
            event.put("slk_enqueued_time", ENQUEUED + i);
            Mapping mapping = AzureCatalog.select(event);
            if (mapping.id().equals(FALLBACK)) {
                AzureCatalog.apply(mapping, event);
                fallback++;
            }
        }
        assertTrue(fallback > 1_000, "most random shapes are unrecognised: " + fallback);
    }

    @Test
    void theProcessorsStandInForAnUndeliverableRecordIsFiledAsAFailure() throws IOException {
        JsonNode event = Slk.JSON.readTree("{\"azure_undeliverable_event\": {\"reason\": \"TOO_LARGE\", \"partitionId\":"
                + " \"3\", \"sequenceNumber\": 1207, \"enqueuedTime\": \"2025-11-30T10:53:20Z\", \"bodyBytes\": 300000},"
                + " \"slk_enqueued_time\": " + ENQUEUED + "}");
        Mapping mapping = AzureCatalog.select(event);
        assertEquals("azure-undeliverable-event", mapping.id());
        ObjectNode record = AzureCatalog.apply(mapping, event);
        assertEquals(2, record.path("status_id").asInt());
        assertEquals(4, record.path("severity_id").asInt());
        assertEquals(event.path("azure_undeliverable_event"), Slk.JSON.readTree(record.path("raw_data").asText()));
    }

    @Test
    void theFlatSecurityAlertIsLeftToTheTransformersBuiltInMapping() {
        assertEquals("azure-defender-security-alert", AzureCatalog.select(AzureCatalog.fixture(
                "azure-defender-alert-flat")).id());
    }

    @Test
    void theFallbackFileIsTriedAfterEveryOtherFile() {
        List<String> sorted = new ArrayList<>(AzureMappings.FILES);
        sorted.sort(null);
        assertEquals(sorted, AzureMappings.FILES, "the transformer tries files by name");
        assertEquals(AzureMappings.FALLBACK, AzureMappings.FILES.get(AzureMappings.FILES.size() - 1));
        List<Mapping> module = AzureCatalog.CATALOG.modules().get(AzureModule.ID);
        assertEquals(FALLBACK, module.get(module.size() - 1).id());
    }

    private static final String[] KEYS = {"category", "type", "time", "operationName", "resourceId", "properties",
        "eventType", "data", "eventTime", "Type", "TimeGenerated", "_SubscriptionId", "id", "level", "identity",
        "Severity", "AlertType", "resultType", "callerIpAddress", "records", "azure_event_body"};
    private static final String[] TEXTS = {"SignInLogs", "Administrative", "Microsoft.Security/alerts", "Syslog",
        "2026-11-30T10:00:00Z", "yesterday", "", "Microsoft.Storage.BlobCreated", "StorageRead", "Policy",
        "/subscriptions/x/providers/Microsoft.Storage/storageAccounts/a", "MicrosoftGraphActivityLogs", "AuditLogs"};

    private static ObjectNode randomRecord(Random random, int depth) {
        ObjectNode node = Slk.JSON.createObjectNode();
        int fields = random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            String key = KEYS[random.nextInt(KEYS.length)];
            switch (random.nextInt(depth < 2 ? 7 : 5)) {
                case 0 -> node.put(key, TEXTS[random.nextInt(TEXTS.length)]);
                case 1 -> node.put(key, random.nextInt());
                case 2 -> node.put(key, random.nextDouble());
                case 3 -> node.put(key, random.nextBoolean());
                case 4 -> node.putNull(key);
                case 5 -> node.set(key, randomRecord(random, depth + 1));
                default -> {
                    ArrayNode array = node.putArray(key);
                    array.add(TEXTS[random.nextInt(TEXTS.length)]).add(randomRecord(random, depth + 1));
                }
            }
        }
        return node;
    }
}
