package dev.slk.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.testing.AliasBombs;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
    private final YamlLoader loader = new YamlLoader();

    @Test
    void recordsTheLineAndColumnOfEveryKeyAndValue() throws Exception {
        YamlDocument doc = loader.parse("a:\n  b: 1\n  list:\n    - x\n    - {c: true}\n", "f.yaml");
        assertEquals(new SourceLocation("f.yaml", 2, 3), doc.keyLocation("/a/b"));
        assertEquals(new SourceLocation("f.yaml", 2, 6), doc.valueLocation("/a/b"));
        assertEquals(new SourceLocation("f.yaml", 5, 7), doc.keyLocation("/a/list/1"));
        assertEquals(new SourceLocation("f.yaml", 5, 8), doc.keyLocation("/a/list/1/c"));
    }

    @Test
    void locatesAMissingKeyAtItsNearestAncestor() throws Exception {
        YamlDocument doc = loader.parse("a:\n  b: 1\n", "f.yaml");
        assertEquals(new SourceLocation("f.yaml", 1, 1), doc.keyLocation("/a/missing/deeper"));
        assertEquals(new SourceLocation("f.yaml", 1, 1), doc.keyLocation("/nothing"));
    }

    @Test
    void typesScalarsByTheYaml12CoreSchema() throws Exception {
        JsonNode root = loader.parse("""
                t: true
                f: False
                yes_: yes
                off_: off
                n: ~
                e:
                i: 42
                big: 12345678901234567890
                hex: 0x1F
                d: 1.5
                v: '1.0'
                s: hello
                """, "f.yaml").root();
        assertTrue(root.get("t").asBoolean());
        assertTrue(root.get("f").isBoolean());
        assertEquals("yes", root.get("yes_").textValue());
        assertEquals("off", root.get("off_").textValue());
        assertTrue(root.get("n").isNull());
        assertTrue(root.get("e").isNull());
        assertEquals(42, root.get("i").intValue());
        assertTrue(root.get("big").isBigInteger());
        assertEquals(31, root.get("hex").intValue());
        assertTrue(root.get("d").isNumber() && !root.get("d").isIntegralNumber());
        assertEquals("1.0", root.get("v").textValue());
        assertEquals("hello", root.get("s").textValue());
    }

    @Test
    void duplicateKeysAreErrorsThatNameTheFirstDefinition() throws Exception {
        YamlDocument doc = loader.parse("a: 1\nb: 2\na: 3\n", "f.yaml");
        assertEquals(1, doc.problems().size());
        assertEquals("yaml.duplicate-key", doc.problems().get(0).ruleId());
        assertEquals(3, doc.problems().get(0).location().line());
        assertTrue(doc.problems().get(0).message().contains("first defined at line 1"));
        assertEquals(1, doc.root().get("a").intValue());
    }

    @Test
    void mergeKeysAreRefused() throws Exception {
        YamlDocument doc = loader.parse("base: &b {x: 1}\nother:\n  <<: *b\n", "f.yaml");
        assertEquals("yaml.merge-key", doc.problems().get(0).ruleId());
    }

    @Test
    void aFewAliasesAreExpanded() throws Exception {
        JsonNode root = loader.parse("a: &x [1, 2]\nb: *x\n", "f.yaml").root();
        assertEquals(root.get("a"), root.get("b"));
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> loader.parse(AliasBombs.of(9, 9), "bomb.yaml"));
        assertTrue(e.getMessage().contains("alias bomb"), e.getMessage());
    }

    @Test
    void aliasesUnderTheCountLimitThatExpandTooFarAreRefused() {
        // 5 aliases per level stays under the alias count limit but expands to 5^10 values.
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> loader.parse(AliasBombs.of(5, 9), "b.yaml"));
        assertTrue(e.getMessage().contains("alias bomb"), e.getMessage());
    }

    @Test
    void recursiveAliasIsRefused() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> loader.parse("a: &a\n  - *a\n", "r.yaml"));
        assertTrue(e.getMessage().contains("recursive"), e.getMessage());
    }

    @Test
    void syntaxErrorsCarryTheirPosition() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> loader.parse("a: [1, 2\nb: 3\n", "s.yaml"));
        assertEquals(2, e.location().line());
        assertTrue(e.getMessage().startsWith("s.yaml:2:"), e.getMessage());
    }

    @Test
    void severalDocumentsAreRefused() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> loader.parse("a: 1\n---\nb: 2\n", "m.yaml"));
        assertTrue(e.getMessage().contains("single document"), e.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
        assertThrows(UnreadableInputException.class, () -> loader.parse(yaml, "d.yaml"));
    }

    @Test
    void anEmptyDocumentIsNull() throws Exception {
        assertTrue(loader.parse("# only a comment\n", "e.yaml").root().isNull());
    }
}
