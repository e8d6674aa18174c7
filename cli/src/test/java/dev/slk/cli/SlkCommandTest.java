package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlkCommandTest {
    @TempDir
    Path dir;

    @Test
    void versionNamesSlkCdkJavaAndThePinnedCdkCli() {
        Slk.Result r = Slk.run(dir, "--version");
        assertEquals(0, r.exitCode());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("slk \\d+\\.\\d+\\.\\d+.*"), r.out());
        assertTrue(lines[1].matches("aws-cdk-lib 2\\.\\d+\\.\\d+"), r.out());
        assertTrue(lines[2].startsWith("Java " + Runtime.version().feature()), r.out());
        assertTrue(lines[3].startsWith("AWS CDK CLI 2.1148.1 (npm aws-cdk, pinned;"), r.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"validate-config", "--help"},
                new String[] {"list-modules", "--help"}, new String[] {"generate-completion", "--help"},
                new String[] {"security-scan", "--help"}, new String[] {"new-module", "--help"},
                new String[] {"list-environments", "--help"})) {
            Slk.Result r = Slk.run(dir, args);
            String command = String.join(" ", args);
            assertEquals(0, r.exitCode(), command.toString());
            assertTrue(r.out().startsWith("Usage: slk"), r.out());
        }
        assertTrue(Slk.run(dir, "--help").out().contains("validate-config"));
    }

    @Test
    void noCommandIsAUsageError() {
        Slk.Result r = Slk.run(dir);
        assertEquals(2, r.exitCode());
        assertEquals("slk: error: a command is required\nTry 'slk --help' for more information.\n", r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Slk.Result r = Slk.run(dir, "validate-config", "--frmat", "json");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("slk: error: Unknown options: '--frmat', 'json'"), r.err());
        assertTrue(r.err().contains("Did you mean --format?"), r.err());
    }

    @Test
    void generatesABashCompletionScript() {
        Slk.Result r = Slk.run(dir, "generate-completion");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("complete -F _complete_slk") && r.out().contains("validate-config"), r.out().substring(0, 200));
    }

    @Test
    void listModulesShowsEachModuleWithItsStateInTheConfig() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), """
                projectName: demo
                environment: dev
                awsRegion: us-east-1
                integrations:
                  sample-source:
                    enabled: true
                  okta:
                    enabled: false
                """);
        Slk.Result r = Slk.run(dir, "list-modules");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("ID +VERSION +STATE +DESCRIPTION +SOURCE"), lines[0]);
        assertTrue(lines[1].matches("sample-sink +0\\.1\\.0 +not configured +.+"), lines[1]);
        assertTrue(lines[2].matches("sample-source +1\\.2\\.0 +enabled +Test module that polls a sample API +.+"), lines[2]);
        assertTrue(lines[3].matches("okta +- +not installed +.*"), lines[3]);

        JsonNode json = new ObjectMapper().readTree(Slk.run(dir, "list-modules", "--format", "json").out());
        assertEquals("sample-source", json.at("/modules/1/id").asText());
        assertEquals("enabled", json.at("/modules/1/state").asText());
        assertTrue(json.at("/modules/1/source").asText().endsWith(".jar"), json.toString());
    }
}
