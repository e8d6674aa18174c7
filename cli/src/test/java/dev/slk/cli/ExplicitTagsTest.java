package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slk.core.testing.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YAML tag that claims a type its text is not ({@code !!int y}) is one finding at the value,
 * never an internal error and never a silent false, null or infinity.
 */
class ExplicitTagsTest {
    @TempDir
    Path dir;

    private Slk.Result validate(String blocks) throws IOException {
        Files.writeString(dir.resolve("c.yaml"), Configs.minimalWith(blocks));
        return Slk.run(dir, "validate-config", "--config", "c.yaml");
    }

    private static void assertOneFinding(Slk.Result r, String finding, String at) {
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        assertEquals(finding + "\n    at " + at + "\nc.yaml: invalid (1 error, 0 warnings; modules checked: none)\n",
                r.out());
    }

    @Test
    void anIntegerTagOnTextIsOneFindingNotAnInternalError() throws IOException {
        assertOneFinding(validate("coreProcessing:\n  eventTransformer:\n    timeout: !!int y\n"),
                "c.yaml:12:14: error: 'y' is tagged !!int but is not an integer (decimal, 0x or 0o) [yaml.tag]",
                "/coreProcessing/eventTransformer/timeout; remove the tag !!int or write an integer (decimal, 0x or 0o)");
    }

    @Test
    void aBooleanTagOnAnotherWordIsAFindingNotFalse() throws IOException {
        assertOneFinding(validate("securityHub:\n  enabled: !!bool maybe\n"),
                "c.yaml:11:12: error: 'maybe' is tagged !!bool but is not true or false [yaml.tag]",
                "/securityHub/enabled; remove the tag !!bool or write true or false");
    }

    @Test
    void aFloatTagOnTextIsAFindingNotInfinity() throws IOException {
        assertOneFinding(validate("sqsQueue:\n  visibilityTimeout: !!float 1e\n"),
                "c.yaml:11:22: error: '1e' is tagged !!float but is not a number [yaml.tag]",
                "/sqsQueue/visibilityTimeout; remove the tag !!float or write a number");
    }

    @Test
    void aNullTagOnAValueIsAFindingNotNull() throws IOException {
        assertOneFinding(validate("tagSource: !!null slk\n"),
                "c.yaml:10:12: error: 'slk' is tagged !!null but is not null, ~ or nothing [yaml.tag]",
                "/tagSource; remove the tag !!null or write null, ~ or nothing");
    }

    @Test
    void aTagThatFitsItsTextIsHonoured() throws IOException {
        Slk.Result r = validate("coreProcessing:\n  eventTransformer:\n    timeout: !!int '60'\n");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("c.yaml: valid (0 errors, 0 warnings; modules checked: none)\n", r.out());
    }
}
