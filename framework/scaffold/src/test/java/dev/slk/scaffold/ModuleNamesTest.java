package dev.slk.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleNamesTest {

    @Test
    void derivesEveryNameFromTheId() {
        ModuleNames names = ModuleNames.of("okta-logs");
        assertEquals("OktaLogs", names.pascal());
        assertEquals("oktaLogs", names.camel());
        assertEquals("okta_logs", names.snake());
        assertEquals("OKTA_LOGS", names.upperSnake());
        assertEquals("OktaLogsModule", names.className());
        assertEquals("oktalogs", names.packageSegment());
        assertEquals("Okta Logs", ModuleNames.displayName("okta-logs"));
    }

    @Test
    void digitsAfterAHyphenStayInsideTheNames() {
        ModuleNames names = ModuleNames.of("o365-2fa-audit");
        assertEquals("O3652faAuditModule", names.className());
        assertEquals("o3652faaudit", names.packageSegment());
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "int", "class", "true", "null", "goto", "enum"})
    void aJavaKeywordBecomesAValidPackageName(String keyword) {
        ModuleNames names = ModuleNames.of(keyword);
        assertEquals(keyword + "_", names.packageSegment());
        assertTrue(javax.lang.model.SourceVersion.isName("dev.slk.modules." + names.packageSegment()));
    }

    @Test
    void keywordsMadeOfSeveralWordsAreCaughtToo() {
        assertEquals("for_", ModuleNames.of("f-or").packageSegment());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Okta", "okta_logs", "okta--logs", "-okta", "okta-", "365-audit", "okta logs", "../x",
        "/tmp/x", "okta/logs", "ökta"})
    void idsThatBreakTheSpiRuleAreRefused(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleNames.of(id));
        assertTrue(e.getMessage().contains("is invalid"), e.getMessage());
    }

    @Test
    void reservedAndOverlongIdsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModuleNames.of("core")).getMessage()
                .contains("reserved"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModuleNames.of("a".repeat(41))).getMessage()
                .contains("at most 40"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModuleNames.of("")).getMessage()
                .contains("empty"));
    }

    @Test
    void controlCharactersInABadIdAreShownEscaped() {
        String message = assertThrows(IllegalArgumentException.class, () -> ModuleNames.of("a\u001bb")).getMessage();
        assertTrue(message.contains("a\\u001bb"), message);
    }
}
