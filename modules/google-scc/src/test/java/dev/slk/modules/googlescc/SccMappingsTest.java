/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.mapping.LoadResult;
import dev.slk.ocsf.mapping.Mapping;
import dev.slk.ocsf.mapping.MappingLoader;
import dev.slk.ocsf.mapping.MappingOutcome;
import dev.slk.ocsf.schema.RecordCheck;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every SCC finding class reaches a valid OCSF record of its documented class; none is left unmapped. */
class SccMappingsTest {
    private static List<Mapping> mappings;

    @BeforeAll
    static void load() {
        URL url = new GoogleSccModule().eventMappings().get(0);
        LoadResult result = MappingLoader.load(url, "scc-findings.yaml");
        mappings = assertInstanceOf(LoadResult.Loaded.class, result, result.toString()).mappings();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "threat, 2004, 1, 4",
        "vulnerability, 2002, 1, 5",
        "misconfiguration, 2003, 1, 3",
        "posture-violation, 2003, 2, 2",
        "observation, 2004, 1, 2",
        "toxic-combination, 2004, 1, 5",
        "scc-error, 2004, 1, 0",
        "threat-inactive, 2004, 3, 4",
        "misconfiguration-muted, 2003, 3, 3"})
    void eachFindingClassBecomesAValidRecordOfItsClass(String fixture, int classUid, int activity, int severity)
            throws IOException {
        JsonNode event;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture + ".json")) {
            event = TestCore.JSON.readTree(in);
        }
        Mapping mapping = mappings.stream().filter(m -> m.matches(event)).findFirst().orElseThrow();
        MappingOutcome outcome = mapping.apply(event);
        ObjectNode record = assertInstanceOf(MappingOutcome.Produced.class, outcome, outcome.toString()).ocsf();
        assertEquals(List.of(), RecordCheck.check(record));
        assertEquals(classUid, record.path("class_uid").asInt(), record.toString());
        assertEquals(activity, record.path("activity_id").asInt());
        assertEquals(severity, record.path("severity_id").asInt());
        assertEquals(event.at("/finding/name").asText(), record.at("/finding_info/uid").asText());
        assertEquals(event.at("/finding/description").asText(), record.at("/finding_info/desc").asText());
        assertEquals(event.at("/finding/category").asText(), record.at("/finding_info/title").asText());
        assertEquals(event.at("/resource/name").asText(), record.at("/resources/0/uid").asText());
        assertTrue(record.path("time").asLong() > 0);
        assertEquals("987654321098", record.at("/cloud/project_uid").asText());
    }
}
