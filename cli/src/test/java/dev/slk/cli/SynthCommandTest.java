package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.testing.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** slk synth through the same factory as main, with slk's real Lambda artifacts. */
class SynthCommandTest {
    @TempDir
    Path dir;

    private static final Path EXAMPLE = Path.of(System.getProperty("slk.workspace.dir"), "config.example.yaml");

    @Test
    void theBundledExampleSynthesizesAndTheSummarySaysWhatIsInIt() throws Exception {
        Slk.Result r = Slk.run(dir, "synth", "--config", EXAMPLE.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("Synthesized security-lake-integration-dev into " + dir.resolve("cdk.out")),
                r.out());
        assertTrue(r.out().contains("    AWS::Lambda::Function                   3\n"), r.out());
        assertTrue(r.out().contains("  modules   none enabled\n"), r.out());
        assertTrue(r.out().contains("  outputs   EventQueueUrl, EventQueueArn, SharedKeyArn, AlarmTopicArn, "
                + "EnabledModules\n"), r.out());
        assertTrue(r.out().contains("  cdk-nag   AwsSolutionsChecks: 0 errors, 0 warnings unsuppressed\n"), r.out());
        assertTrue(r.err().contains("] synthesizing and running cdk-nag AwsSolutionsChecks\n"), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("cdk.out/security-lake-integration-dev.template.json")));
        try (Stream<Path> assets = Files.list(dir.resolve("cdk.out"))) {
            assertEquals(3, assets.filter(p -> p.getFileName().toString().startsWith("asset.")).count(),
                    "one asset per core function");
        }
    }

    @Test
    void jsonFormatPrintsTheSameSummaryForMachines() throws Exception {
        Slk.Result r = Slk.run(dir, "synth", "-q", "--config", EXAMPLE.toString(), "--format", "json", "--out", "out");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), "--quiet prints no progress");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("synthesized", json.path("status").asText());
        assertEquals("security-lake-integration-dev", json.path("stack").asText());
        assertEquals(3, json.path("resources").path("AWS::Lambda::Function").asInt());
        assertEquals(0, json.path("cdkNag").path("errors").asInt());
        assertEquals(List.of(), List.copyOf(json.path("modules").findValuesAsText("id")));
    }

    @Test
    void anInvalidConfigExitsOneAndWritesNothing() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "projectName: Not Valid\n");
        Slk.Result r = Slk.run(dir, "synth");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("config.yaml: invalid"), r.out());
        assertTrue(r.err().endsWith("slk: error: the configuration is invalid; nothing was synthesized\n"), r.err());
        assertFalse(Files.exists(dir.resolve("cdk.out")));
    }

    @Test
    void aFailingModuleNamesModuleAndHookAndLeavesTheOldAssembly() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), Configs.minimalWith("""
                integrations:
                  sample-source:
                    enabled: true
                    config:
                      credentialsSecretName: sample/api-token
                """));
        Files.createDirectories(dir.resolve("cdk.out"));
        Files.writeString(dir.resolve("cdk.out/old.json"), "{}");
        Slk.Result r = Slk.run(dir, "synth", "-q");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals("slk: error: module 'sample-source' failed in requiredPermissions: 1 statement(s) returned, "
                + "but createResources created no IAM role to attach them to; nothing was written\n", r.err());
        try (Stream<Path> files = Files.list(dir.resolve("cdk.out"))) {
            assertEquals(List.of(dir.resolve("cdk.out/old.json")), files.toList());
        }
    }

    @Test
    void aMissingNodeIsOneLineAndExitTwo() throws Exception {
        Slk.Result r = Slk.run(dir, Map.of("JSII_NODE", dir.resolve("no-node").toString()),
                Slk::testModules, "synth", "-q", "--config", EXAMPLE.toString());
        assertEquals(2, r.exitCode());
        assertEquals("slk: error: slk synth needs Node.js 18 or newer on PATH (aws-cdk-lib runs on it), and '"
                + dir.resolve("no-node") + "' cannot be run\n", r.err());
        assertFalse(Files.exists(dir.resolve("cdk.out")));
    }

    @Test
    void anOutputPathThatIsAFileIsOneLineAndExitTwo() throws Exception {
        Files.writeString(dir.resolve("taken"), "not a directory");
        Slk.Result r = Slk.run(dir, "synth", "-q", "--config", EXAMPLE.toString(), "--out", "taken");
        assertEquals(2, r.exitCode());
        assertEquals("slk: error: cannot write the cloud assembly: " + dir.resolve("taken")
                + " exists and is not a directory\n", r.err());
        assertEquals("not a directory", Files.readString(dir.resolve("taken")));
    }

    @Test
    void securityScanFindsNothingInTheSynthesizedExample() throws Exception {
        assertEquals(0, Slk.run(dir, "synth", "-q", "--config", EXAMPLE.toString()).exitCode());
        Slk.Result scan = Slk.run(dir, "security-scan", "--all", "--format", "json");
        assertEquals(0, scan.exitCode(), scan.out() + scan.err());
        JsonNode report = new ObjectMapper().readTree(scan.out());
        assertEquals(0, report.path("findings").size(), scan.out());
    }
}
