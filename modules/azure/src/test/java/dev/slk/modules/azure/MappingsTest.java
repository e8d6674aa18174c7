/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.mapping.LoadResult;
import dev.slk.ocsf.mapping.Mapping;
import dev.slk.ocsf.mapping.MappingCatalog;
import dev.slk.ocsf.mapping.MappingLoader;
import dev.slk.ocsf.mapping.MappingOutcome;
import dev.slk.ocsf.schema.RecordCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every fixture, a record in the shape Azure exports it, is recognised by its mapping and becomes
 * a record that passes the transformer's OCSF check; its uid comes from the source's id, so a
 * re-sent event is the same finding.
 */
class MappingsTest {
    private static final MappingCatalog CATALOG = catalog();

    private static MappingCatalog catalog() {
        List<Mapping> mappings = new ArrayList<>();
        for (URL url : new AzureModule().eventMappings()) {
            LoadResult loaded = MappingLoader.load(url, url.getPath());
            mappings.addAll(assertInstanceOf(LoadResult.Loaded.class, loaded, loaded.toString()).mappings());
        }
        return MappingCatalog.of(Map.of(AzureModule.ID, mappings), List.of());
    }

    @ParameterizedTest
    @CsvSource({
        "azure-defender-alert-export, 2004, /finding_info/uid, /properties/systemAlertId",
        "azure-defender-assessment, 2003, /finding_info/uid, /id",
        "azure-defender-secure-score, 2003, /finding_info/uid, /id",
        "azure-defender-regulatory-compliance, 2003, /finding_info/uid, /id",
        "azure-entra-sign-in, 3002, /metadata/uid, /properties/id",
        "azure-entra-audit, 6003, /metadata/uid, /properties/id",
        "azure-activity-log, 6003, /metadata/uid, /correlationId"})
    void eachFixtureMapsToACheckedRecordWithTheSourcesId(String mappingId, int classUid, String uid, String sourceId)
            throws IOException {
        JsonNode event = fixture(mappingId);
        MappingCatalog.Selection selection = CATALOG.select(event, AzureModule.ID, null);
        Mapping mapping = assertInstanceOf(MappingCatalog.Selection.Found.class, selection, selection.toString())
                .mapping();
        assertEquals(mappingId, mapping.id());
        MappingOutcome outcome = mapping.apply(event);
        ObjectNode record = assertInstanceOf(MappingOutcome.Produced.class, outcome, outcome.toString()).ocsf();
        assertEquals(List.of(), RecordCheck.check(record), record.toString());
        assertEquals(classUid, record.path("class_uid").asInt());
        assertEquals(event.at(sourceId).asText(), record.at(uid).asText());
        assertEquals(record, assertInstanceOf(MappingOutcome.Produced.class, mapping.apply(fixture(mappingId)))
                .ocsf(), "the same event gives the same record");
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = MappingsTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            return Slk.JSON.readTree(in);
        }
    }
}
