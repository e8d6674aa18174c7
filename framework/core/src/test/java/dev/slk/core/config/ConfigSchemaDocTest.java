package dev.slk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/CONFIG_SCHEMA.md is generated from the schema and must match it. */
class ConfigSchemaDocTest {
    private static final Path DOC = Path.of(System.getProperty("slk.workspace.dir", "../.."), "docs", "CONFIG_SCHEMA.md");

    @Test
    void configSchemaDocMatchesTheSchema() throws Exception {
        String expected = ConfigSchemaMarkdown.render();
        if (Boolean.getBoolean("slk.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOC), DOC + " is missing; regenerate it (see the comment at its top)");
        assertEquals(expected, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/CONFIG_SCHEMA.md is out of date; run: mvn -q -pl framework/core -am test -Dtest=ConfigSchemaDocTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dslk.updateDocs=true");
    }

    @Test
    void everyTopLevelKeyIsDocumented() {
        String doc = ConfigSchemaMarkdown.render();
        ProjectSchema.document().root().path("properties").fieldNames()
                .forEachRemaining(key -> assertTrue(doc.contains("| `" + key + "` |"), key));
    }
}
