package dev.slk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private static Project project(String environment, Map<String, String> tags, int retention) {
        return new Project("demo", environment, "eu-west-1", Optional.empty(), tags, retention);
    }

    @Test
    void onlyProdIsProduction() {
        assertTrue(project("prod", Map.of(), 30).production());
        assertFalse(project("staging", Map.of(), 30).production());
        assertFalse(project("dev", Map.of(), 30).production());
    }

    @Test
    void tagsAreCopiedAndReadOnly() {
        Map<String, String> tags = new LinkedHashMap<>(Map.of("Owner", "security-team"));
        Project project = project("dev", tags, 30);
        tags.put("Owner", "someone-else");

        assertEquals(Map.of("Owner", "security-team"), project.tags());
        assertThrows(UnsupportedOperationException.class, () -> project.tags().put("x", "y"));
    }

    @Test
    void aRetentionOfNoDaysIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> project("dev", Map.of(), 0));
        assertEquals("logRetentionDays must be positive, was 0", e.getMessage());
    }
}
