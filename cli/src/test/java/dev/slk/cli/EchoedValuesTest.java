package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values repeated in messages and hints are escaped and cut, so no input controls the terminal or floods it. */
class EchoedValuesTest {
    @TempDir
    Path dir;

    @Test
    void aOneMebibyteValueGivesShortLines() throws IOException {
        String huge = "a".repeat(1024 * 1024);
        Files.writeString(dir.resolve("c.yaml"), Configs.minimalWith("projectName: " + huge + "\nenvironment: " + huge
                + "\n"));
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "c.yaml");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.err());
        for (String line : r.out().split("\n")) {
            assertTrue(line.length() < 200, line.length() + " characters: " + line.substring(0, Math.min(200, line.length())));
        }
        assertTrue(r.out().contains("c.yaml:9:14: error: environment '" + "a".repeat(60) + "\u2026' (1048576 characters)"
                + " is not one of dev, staging, prod [environment]\n"), r.out());
        assertTrue(r.out().contains("projectName is 1048576 characters long; at most 64 are allowed"), r.out());
    }

    @Test
    void controlCharactersInValuesAreEscaped() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), Configs.minimalWith("environment: \"d\\e[2Jv\"\n"
                + "awsRegion: \"us-east-1\\u202e\"\n"));
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "c.yaml");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("error: environment 'd\\u001B[2Jv' is not one of dev, staging, prod"), r.out());
        assertTrue(r.out().contains("error: awsRegion 'us-east-1\\u202E' is not an AWS region"), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 0x1b || c == 0x202e), r.out());
    }
}
