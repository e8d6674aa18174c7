package dev.slk.ocsf.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RICH = """
            mappings:
              - id: rich
                class: 2004
                when:
                  - any:
                      - {path: $.kind, in: [alert, warning]}
                      - {path: $.source, starts_with: "sensor/"}
                  - {path: $.id, exists: true}
                  - not: {path: $.test, equals: true}
                ocsf:
                  activity_id: {path: $.state, convert: {enum: {values: {open: 1, closed: 3}, default: 2}}}
                  time: {first: [$.at, $.fallback_at], convert: timestamp}
                  severity_id: {path: $.level, convert: severity_id}
                  message: {template: "${$.name} on ${$.host}"}
                  finding_info.uid: {path: $.id, convert: string}
                  finding_info.title: {path: $.name, convert: [trim, {truncate: 10}]}
                  finding_info.types: {path: "$.tags[*]", convert: upper}
                  metadata.product.name: Demo
                  metadata.product.vendor_name: Example
                  resources:
                    each: $.targets[*]
                    fields:
                      uid: {path: "@.id"}
                      type: {path: "@.kind", default: Other}
                      region: {path: $.region}
                  unmapped.raw_level: {path: $.level}
                  unmapped.extra: {path: $.extra}
            """;

    private static Mapping rich() {
        LoadResult r = MappingLoader.parse(RICH, "rich.yaml");
        return assertInstanceOf(LoadResult.Loaded.class, r, r::toString).mappings().get(0);
    }

    @Test
    void conditionsCombineAnyAllAndNot() throws Exception {
        Mapping m = rich();
        assertTrue(m.matches(JSON.readTree("{\"kind\": \"warning\", \"id\": 1}")));
        assertTrue(m.matches(JSON.readTree("{\"source\": \"sensor/7\", \"id\": 1}")));
        assertFalse(m.matches(JSON.readTree("{\"kind\": \"alert\"}")));
        assertFalse(m.matches(JSON.readTree("{\"kind\": \"alert\", \"id\": 1, \"test\": true}")));
    }

    @Test
    void aMatchingEventBecomesACompleteOcsfRecord() throws Exception {
        JsonNode event = JSON.readTree("""
                {"kind": "alert", "id": 17, "state": "open", "fallback_at": "2024-03-01T23:59:59.999Z",
                 "level": "High", "name": "  Suspicious login  ", "host": "web1", "tags": ["a", "b"],
                 "region": "eu", "targets": [{"id": "r1", "kind": "vm"}, {"id": "r2"}, {}],
                 "extra": {"k": [1, 2]}}""");
        MappingOutcome.Produced p = assertInstanceOf(MappingOutcome.Produced.class, rich().apply(event));
        JsonNode expected = JSON.readTree("""
                {"class_uid": 2004, "class_name": "Detection Finding", "category_uid": 2,
                 "category_name": "Findings", "metadata": {"version": "1.1.0",
                 "product": {"name": "Demo", "vendor_name": "Example"}},
                 "activity_id": 1, "time": 1709337599999, "severity_id": 4,
                 "message": "  Suspicious login   on web1",
                 "finding_info": {"uid": "17", "title": "Suspicious", "types": ["A", "B"]},
                 "resources": [{"uid": "r1", "type": "vm", "region": "eu"}, {"uid": "r2", "type": "Other", "region": "eu"},
                               {"type": "Other", "region": "eu"}],
                 "unmapped": {"raw_level": "High", "extra": {"k": [1, 2]}},
                 "type_uid": 200401, "activity_name": "Create", "type_name": "Detection Finding: Create",
                 "severity": "High"}""");
        assertEquals(expected.toString(), p.ocsf().toString());
        assertTrue(p.asff().isEmpty());
    }

    @Test
    void aConverterFailureNamesMappingFileLineAndAttribute() throws Exception {
        JsonNode event = JSON.readTree("{\"kind\": \"alert\", \"id\": 1, \"at\": \"soon\", \"name\": \"n\"}");
        MappingOutcome.Failed f = assertInstanceOf(MappingOutcome.Failed.class, rich().apply(event));
        assertEquals("mapping rich (rich.yaml:12:13): time: cannot read 'soon' as a timestamp (ISO-8601 expected)",
                f.message());
    }

    @Test
    void aMissingRequiredValueFailsTheRecord() throws Exception {
        JsonNode event = JSON.readTree("{\"kind\": \"alert\", \"id\": 1, \"at\": \"2024-01-01T00:00:00Z\"}");
        MappingOutcome.Failed f = assertInstanceOf(MappingOutcome.Failed.class, rich().apply(event));
        assertTrue(f.message().contains("severity_id: required by Detection Finding and missing"), f.message());
        assertTrue(f.message().contains("finding_info.title: required by Detection Finding and missing"), f.message());
    }

    @Test
    void theCatalogTriesTheSendingModuleFirstAndHonoursAnExplicitMappingId() throws Exception {
        Mapping m = rich();
        Mapping other = assertInstanceOf(LoadResult.Loaded.class, MappingLoader.parse(
                MappingLoaderTest.VALID, "v.yaml")).mappings().get(0);
        MappingCatalog catalog = MappingCatalog.of(Map.of("mod-a", List.of(m), "mod-b", List.of(other)), List.of());
        JsonNode alert = JSON.readTree("{\"kind\": \"alert\", \"id\": 1}");
        assertEquals(m, ((MappingCatalog.Selection.Found) catalog.select(alert, "mod-a", null)).mapping());
        assertEquals(other, ((MappingCatalog.Selection.Found) catalog.select(alert, "mod-b", null)).mapping());
        assertEquals(other, ((MappingCatalog.Selection.Found) catalog.select(alert, null, "demo-alert")).mapping());
        MappingCatalog.Selection none = catalog.select(JSON.readTree("{\"x\": 1}"), "mod-a", null);
        assertEquals("no mapping matches the event (module mod-a, 1 mappings); its top-level keys: x",
                ((MappingCatalog.Selection.NotFound) none).reason());
    }
}
