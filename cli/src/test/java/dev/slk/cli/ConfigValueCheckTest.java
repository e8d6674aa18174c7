package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.Configs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that look right and are not: tags AWS refuses, letters that only look like ASCII. */
class ConfigValueCheckTest {
    @TempDir
    Path dir;

    private Slk.Result validate(String config) throws Exception {
        Files.writeString(dir.resolve("config.yaml"), config, StandardCharsets.UTF_8);
        return Slk.run(dir, "validate-config");
    }

    @Test
    void tagValueWithARightToLeftOverrideIsAnErrorAtTheValue() throws Exception {
        Slk.Result r = validate(Configs.MINIMAL + "tags:\n  - key: team\n    value: \"sec\\u202Eops\"\n");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("config.yaml:12:12: error: tag value 'sec\\u202Eops' contains U+202E "
                + "RIGHT-TO-LEFT OVERRIDE, which AWS does not allow in tags [tags.characters]"), r.out());
        assertTrue(r.out().contains("; tag keys and values may hold letters, digits, spaces and _ . : / = + - @"),
                r.out());
        assertTrue(!r.out().contains("\u202E"), "the override is escaped, never printed");
        assertEquals("", r.err());
    }

    @Test
    void tagKeysWithControlCharactersTheAwsPrefixOrTwiceAreErrorsAtTheKey() throws Exception {
        Slk.Result r = validate(Configs.MINIMAL + "tags:\n  - key: \"cost\\tcenter\"\n    value: x\n"
                + "  - key: aws:owner\n    value: me\n  - key: team\n    value: a\n  - key: team\n    value: b\n");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("config.yaml:11:10: error: tag key 'cost\\tcenter' contains U+0009 "
                + "CHARACTER TABULATION, which AWS does not allow in tags [tags.characters]"), r.out());
        assertTrue(r.out().contains("config.yaml:13:10: error: tag key 'aws:owner' starts with 'aws:', which AWS "
                + "reserves for its own tags [tags.reserved-prefix]"), r.out());
        assertTrue(r.out().contains("config.yaml:17:10: error: tag key 'team' is also given by tags[2]; a resource "
                + "holds each key once [tags.duplicate-key]"), r.out());
    }

    @Test
    void tagsOfAllowedCharactersInAnyScriptAreValid() throws Exception {
        Slk.Result r = validate(Configs.MINIMAL + "tags:\n  - key: \"Équipe / team:owner\"\n    value: \"sécurité @ lake+1 = ok_\"\n"
                + "  - key: empty\n    value: \"\"\n");
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void environmentWithACyrillicLetterIsExplainedAsALookAlike() throws Exception {
        Slk.Result r = validate(Configs.MINIMAL.replace("environment: dev", "environment: d\u0435v"));
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("config.yaml:2:14: error: environment 'd\u0435v' is not one of dev, staging, prod"),
                r.out());
        assertTrue(r.out().contains("; did you mean 'dev'? The value contains a non-ASCII look-alike character, "
                + "U+0435 CYRILLIC SMALL LETTER IE, in place of 'e'."), r.out());
    }

    @Test
    void anUnknownKeyWithAGreekLetterIsExplainedAsALookAlike() throws Exception {
        Slk.Result r = validate(Configs.MINIMAL.replace("projectName:", "pr\u03bfjectName: x\nprojectName:"));
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("; did you mean 'projectName'? The key contains a non-ASCII look-alike "
                + "character, U+03BF GREEK SMALL LETTER OMICRON, in place of 'o'."), r.out());
    }
}
