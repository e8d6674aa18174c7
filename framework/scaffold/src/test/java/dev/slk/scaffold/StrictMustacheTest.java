package dev.slk.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictMustacheTest {

    @Test
    void rendersVariablesWithoutHtmlEscaping() throws Exception {
        assertEquals("List<String> a = b && c; \"q\" 'x' & <y>",
                StrictMustache.render("t", "{{type}} a = {{expr}}; \"q\" 'x' & <y>",
                        Map.of("type", "List<String>", "expr", "b && c")));
    }

    @Test
    void aMissingVariableNamesTheTemplateTheLineAndTheVariable() {
        ScaffoldException e = assertThrows(ScaffoldException.class,
                () -> StrictMustache.render("module/java21/pom.xml", "line one\n<a>{{moduleld}}</a>",
                        Map.of("moduleId", "x")));
        assertEquals("module/java21/pom.xml:2: no value for template variable 'moduleld' (did you mean 'moduleId'?)",
                e.getMessage());
    }

    @Test
    void aMissingSectionIsAnErrorToo() {
        ScaffoldException e = assertThrows(ScaffoldException.class,
                () -> StrictMustache.render("t", "{{#items}}x{{/items}}", Map.of()));
        assertEquals("t:1: no value for template variable 'items'", e.getMessage());
    }

    @Test
    void sectionsIterateListsAndTestBooleans() throws Exception {
        assertEquals("a,b,!", StrictMustache.render("t", "{{#items}}{{name}},{{/items}}{{^on}}!{{/on}}",
                Map.of("items", List.of(Map.of("name", "a"), Map.of("name", "b")), "on", false)));
    }

    @Test
    void partialsAreRefused() {
        ScaffoldException e = assertThrows(ScaffoldException.class,
                () -> StrictMustache.render("t", "{{> /etc/passwd}}", Map.of()));
        assertEquals("t: is not a valid Mustache template: partials ({{> /etc/passwd}}) are not supported",
                e.getMessage().replaceAll("@\\S+", ""));
    }

    @Test
    void anUnclosedSectionIsReported() {
        ScaffoldException e = assertThrows(ScaffoldException.class,
                () -> StrictMustache.render("t", "{{#open}}never closed", Map.of("open", true)));
        assertEquals(true, e.getMessage().startsWith("t: is not a valid Mustache template: "), e.getMessage());
    }

    @Test
    void keepsUtf8TextAsIs() throws Exception {
        assertEquals("Grüße, 東京 → ok", StrictMustache.render("t", "Grüße, {{city}} → ok", Map.of("city", "東京")));
    }
}
