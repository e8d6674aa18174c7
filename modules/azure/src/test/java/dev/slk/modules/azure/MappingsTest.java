/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.mapping.Mapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every fixture, a record in the shape Azure exports it, is recognised by its mapping and becomes
 * a record that passes the transformer's OCSF check; its uid comes from the source's id, so a
 * re-sent event is the same finding.
 */
class MappingsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "azure-defender-alert-export, azure-defender-alert-export, 2004, /finding_info/uid, /properties/systemAlertId",
        "azure-defender-alert-typed, azure-defender-alert-export, 2004, /finding_info/uid, /properties/systemAlertId",
        "azure-defender-alert-flat, azure-defender-security-alert, 2004, /finding_info/uid, /SystemAlertId",
        "azure-defender-assessment, azure-defender-assessment, 2003, /finding_info/uid, /id",
        "azure-defender-secure-score, azure-defender-secure-score, 2003, /finding_info/uid, /id",
        "azure-defender-regulatory-compliance, azure-defender-regulatory-compliance, 2003, /finding_info/uid, /id",
        "azure-entra-sign-in, azure-entra-sign-in, 3002, /metadata/uid, /properties/id",
        "azure-entra-non-interactive-sign-in, azure-entra-sign-in, 3002, /metadata/uid, /properties/id",
        "azure-entra-service-principal-sign-in, azure-entra-sign-in, 3002, /metadata/uid, /properties/id",
        "azure-entra-managed-identity-sign-in, azure-entra-sign-in, 3002, /metadata/uid, /properties/id",
        "azure-entra-audit, azure-entra-audit, 6003, /metadata/uid, /properties/id",
        "azure-graph-activity, azure-graph-activity, 6003, /metadata/uid, /properties/requestId",
        "azure-activity-log, azure-activity-log, 6003, /metadata/uid, /correlationId",
        "azure-activity-log-security, azure-activity-log, 6003, /metadata/uid, /correlationId",
        "azure-policy-activity, azure-policy-activity, 2003, /metadata/uid, /correlationId",
        "azure-advisor-recommendation, azure-advisor-recommendation, 2003, /metadata/uid, /correlationId",
        "azure-storage-activity, azure-storage-activity, 6005, /metadata/uid, /correlationId",
        "azure-event-grid-blob-created, azure-event-grid-blob, 6005, /metadata/uid, /id",
        "azure-syslog, azure-syslog, 1007, /metadata/uid, /_ItemId"})
    void eachFixtureMapsToACheckedRecordWithTheSourcesId(String fixture, String mappingId, int classUid, String uid,
            String sourceId) {
        JsonNode event = AzureCatalog.fixture(fixture);
        Mapping mapping = AzureCatalog.select(event);
        assertEquals(mappingId, mapping.id());
        ObjectNode record = AzureCatalog.apply(mapping, event);
        assertEquals(classUid, record.path("class_uid").asInt());
        assertEquals(event.at(sourceId).asText(), record.at(uid).asText());
        assertEquals(record, AzureCatalog.apply(mapping, AzureCatalog.fixture(fixture)),
                "the same event gives the same record");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "azure-policy-activity, Azure Policy MICROSOFT.AUTHORIZATION/POLICIES/AUDIT/ACTION, audit",
        "azure-advisor-recommendation, Enable endpoint protection on virtual machines, Active"})
    void complianceResultsOfTheActivityLogCarryTheirControlAndStatus(String fixture, String title, String status) {
        JsonNode event = AzureCatalog.fixture(fixture);
        ObjectNode record = AzureCatalog.apply(AzureCatalog.select(event), event);
        assertEquals(title, record.at("/finding_info/title").asText());
        assertEquals(status, record.at("/compliance/status").asText());
        assertEquals(event.path("resourceId").asText(), record.at("/resources/0/uid").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "azure-storage-activity, 1, contosodata, GetBlob",
        "azure-event-grid-blob-created, 6, contosodata, PutBlob"})
    void storageRecordsNameTheAccountAndTheOperation(String fixture, int activity, String account, String operation) {
        JsonNode event = AzureCatalog.fixture(fixture);
        ObjectNode record = AzureCatalog.apply(AzureCatalog.select(event), event);
        assertEquals(activity, record.path("activity_id").asInt());
        assertEquals(account, record.at("/databucket/name").asText());
        assertEquals(operation, record.at("/api/operation").asText());
    }
}
