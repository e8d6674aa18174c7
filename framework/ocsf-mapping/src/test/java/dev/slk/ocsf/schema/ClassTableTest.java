package dev.slk.ocsf.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * slk-core's config validation and this module each carry the class list Security Lake accepts
 * (this module must not depend on slk-core); they must name the same classes with the same uids.
 */
class ClassTableTest {
    @Test
    void theClassTableAgreesWithTheOneConfigValidationUses() throws Exception {
        Path workspace = Path.of(System.getProperty("slk.workspace.dir", "../.."));
        JsonNode core = new ObjectMapper().readTree(workspace.resolve(
                "framework/core/src/main/resources/dev/slk/core/validation/ocsf-event-classes.json").toFile());
        Map<String, Integer> expected = new LinkedHashMap<>();
        core.path("classes").forEach(c -> expected.put(c.get("name").asText(), c.get("classUid").asInt()));
        Map<String, Integer> actual = new LinkedHashMap<>();
        OcsfClasses.all().forEach((name, cls) -> actual.put(name, cls.uid()));
        assertEquals(expected, actual);
    }
}
