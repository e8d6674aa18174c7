package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.testing.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        oldAssembly(dir.resolve("cdk.out"));
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
        assertTrue(Files.isRegularFile(dir.resolve("cdk.out/.slk-assembly")), "slk marks what it wrote");
        assertFalse(Files.exists(dir.resolve("cdk.out/old.json")), "an assembly slk wrote is replaced as a whole");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cdk.out"))));
        try (Stream<Path> assets = Files.list(dir.resolve("cdk.out"))) {
            assertEquals(3, assets.filter(p -> p.getFileName().toString().startsWith("asset.")).count(),
                    "one asset per core function");
        }
    }

    @Test
    void inAWorkspaceSubdirectorySynthReadsTheRootConfigAndWritesTheRootAssembly() throws Exception {
        Files.writeString(dir.resolve(dev.slk.core.workspace.Workspace.MARKER), "");
        Files.copy(EXAMPLE, dir.resolve("config.yaml"));
        Path sub = Files.createDirectories(dir.resolve("modules/okta-logs/src"));
        Slk.Result r = Slk.run(sub, "synth", "-q");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("Synthesized security-lake-integration-dev into " + dir.resolve("cdk.out")),
                r.out());
        assertEquals("", r.err());
        assertTrue(Files.isRegularFile(dir.resolve("cdk.out/security-lake-integration-dev.template.json")));
        try (Stream<Path> left = Files.list(sub)) {
            assertEquals(0, left.count(), "nothing is written where the command ran");
        }
    }

    @Test
    void jsonFormatPrintsTheSameSummaryForMachines() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Slk.Result r = Slk.run(dir, "synth", "-q", "--config", EXAMPLE.toString(), "--format", "json", "--out", "out");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), "--quiet prints no progress");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("synthesized", json.path("status").asText());
        assertEquals("security-lake-integration-dev", json.path("stack").asText());
        assertEquals(3, json.path("resources").path("AWS::Lambda::Function").asInt());
        assertEquals(0, json.path("cdkNag").path("errors").asInt());
        assertEquals(List.of(), List.copyOf(json.path("modules").findValuesAsText("id")));
        assertTrue(Files.isRegularFile(dir.resolve("out/manifest.json")), "an empty directory may be written");
    }

    @Test
    void theProjectDirectoryIsNeverReplaced() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), Configs.minimalWith(""));
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/App.java"), "class App {}\n");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        List<String> before = names(dir);
        Slk.Result here = Slk.run(dir, "synth", "-q", "-o", ".");
        assertEquals(2, here.exitCode(), here.err());
        assertEquals("slk: error: " + dir + ": holds files and is not a cloud assembly slk wrote (no .slk-assembly); "
                + "slk replaces only an empty directory or one it wrote\n", here.err());
        assertEquals("", here.out());
        Slk.Result src = Slk.run(dir, "synth", "-q", "-o", "src");
        assertEquals(2, src.exitCode(), src.err());
        assertTrue(src.err().startsWith("slk: error: " + dir.resolve("src") + ": holds files"), src.err());
        assertEquals(before, names(dir));
        assertEquals(List.of("App.java"), names(dir.resolve("src")));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "no mode change");
    }

    @Test
    void aHomeLikeDirectoryWithAManifestButNoMarkerIsRefused() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".bashrc"), "export X=1\n");
        Files.writeString(home.resolve("manifest.json"), "{}");
        Slk.Result r = Slk.run(dir, "synth", "-q", "--config", EXAMPLE.toString(), "-o", "home");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(List.of(".bashrc", "manifest.json"), names(home));
        assertEquals(List.of("home"), names(dir), "no staging directory is left behind");
    }

    private static void oldAssembly(Path out) throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("manifest.json"), "{}");
        Files.writeString(out.resolve(".slk-assembly"), "written by slk\n");
        Files.writeString(out.resolve("old.json"), "{}");
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
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

    /** A config whose sample-source module fails in a hook during synthesis, and why. */
    static final String FAILING_HOOK = Configs.minimalWith("""
            integrations:
              sample-source:
                enabled: true
                config:
                  credentialsSecretName: sample/api-token
            """);
    static final String FAILING_HOOK_REASON = "module 'sample-source' failed in requiredPermissions: statement "
            + "'SampleSourceSecret' is for function 'Poller', which the module did not create (createResources "
            + "returned no function)";

    @Test
    void aFailingModuleNamesModuleAndHookAndLeavesTheOldAssembly() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), FAILING_HOOK);
        oldAssembly(dir.resolve("cdk.out"));
        Slk.Result r = Slk.run(dir, "synth", "-q");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals("slk: error: " + FAILING_HOOK_REASON + "; nothing was written\n", r.err());
        assertEquals(List.of(".slk-assembly", "manifest.json", "old.json"), names(dir.resolve("cdk.out")));
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
        assertEquals("slk: error: " + dir.resolve("taken") + ": exists and is not a directory\n", r.err());
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
