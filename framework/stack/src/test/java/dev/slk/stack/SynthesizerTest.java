package dev.slk.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.Configs;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.stack.testing.Stacks;
import dev.slk.stack.testing.TestArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline: validate, build, cdk-nag, write all or nothing. */
class SynthesizerTest {
    @TempDir
    Path work;

    private final List<String> progress = new ArrayList<>();

    private SynthResult synth(String yaml, Path out, boolean strict) throws Exception {
        return new Synthesizer(Stacks.registry(), TestArtifacts.artifacts(), "node", progress::add)
                .synthesize(new YamlLoader().parse(yaml, "config.yaml"), null, out, strict);
    }

    @Test
    void theExampleConfigSynthesizesCdkNagCleanAndReportsWhatItBuilt() throws Exception {
        Path out = work.resolve("cdk.out");
        SynthSummary summary = assertInstanceOf(SynthResult.Synthesized.class,
                synth(Stacks.exampleYaml(), out, false)).summary();
        assertTrue(summary.written());
        assertEquals(List.of(), summary.nagFindings(), "zero unsuppressed cdk-nag findings");
        assertEquals("security-lake-integration-dev", summary.stackName());
        assertEquals(3, summary.resourceCounts().get("AWS::Lambda::Function"));
        assertTrue(summary.outputs().contains("EnabledModules"));
        assertTrue(Files.isRegularFile(out.resolve("security-lake-integration-dev.template.json")));
        assertEquals(4, progress.size(), progress.toString());
        assertEquals("validating config.yaml", progress.get(0));
        assertTrue(progress.get(1).startsWith("building the stack on Node.js v"), progress.get(1));
        assertEquals(List.of("synthesizing and running cdk-nag AwsSolutionsChecks", "writing " + out),
                progress.subList(2, 4));
    }

    @Test
    void twoSynthesesOfOneConfigGiveByteIdenticalAssemblies() throws Exception {
        String yaml = Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                """);
        Path first = work.resolve("first");
        Path second = work.resolve("second");
        SynthSummary summary = assertInstanceOf(SynthResult.Synthesized.class, synth(yaml, first, false)).summary();
        assertEquals(List.of(), summary.nagFindings());
        assertTrue(summary.written());
        assertInstanceOf(SynthResult.Synthesized.class, synth(yaml, second, false));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(first)) {
            files = walk.filter(Files::isRegularFile).map(first::relativize).sorted().toList();
        }
        assertTrue(files.contains(Path.of("demo-dev.template.json")), files.toString());
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)),
                    file.toString());
        }
    }

    @Test
    void anInvalidConfigWritesNothing() throws Exception {
        Path out = work.resolve("cdk.out");
        SynthResult result = synth("projectName: Demo\n", out, false);
        assertFalse(assertInstanceOf(SynthResult.Invalid.class, result).report().valid());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "no staging directory left behind");
        }
    }

    @Test
    void aFailingModuleLeavesAnExistingAssemblyUntouched() throws Exception {
        Path out = work.resolve("cdk.out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(CloudAssemblyOutput.MARKER), "written by slk\n");
        Files.writeString(out.resolve("manifest.json"), "{}");
        Files.writeString(out.resolve("previous.json"), "{}");
        SynthResult result = synth(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      failIn: createResources
                """), out, false);
        assertEquals("module 'poller' failed in createResources: the poller failed on purpose in createResources",
                assertInstanceOf(SynthResult.Failed.class, result).reason());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(CloudAssemblyOutput.MARKER, "manifest.json", "previous.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(out), left.toList(), "no staging directory left behind");
        }
    }

    @Test
    void cdkNagErrorsAreReportedAndNothingIsWritten() throws Exception {
        Path out = work.resolve("cdk.out");
        SynthSummary summary = assertInstanceOf(SynthResult.Synthesized.class, synth(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      insecureBucket: true
                """), out, false)).summary();
        assertFalse(summary.written());
        assertFalse(Files.exists(out));
        assertTrue(summary.nagFindings().stream().anyMatch(f -> f.severity().isError()
                && f.ruleId().equals("AwsSolutions-S10")
                && f.location() instanceof ResourceLocation at && at.stack().equals("demo-dev")
                && at.constructPath().equals("/demo-dev/modules/poller/InsecureBucket/Resource")
                && at.logicalId().startsWith("modulespollerInsecureBucket")),
                summary.nagFindings().toString());
    }

    @Test
    void strictTurnsConfigWarningsIntoAnInvalidConfig() throws Exception {
        Path out = work.resolve("cdk.out");
        String withWarning = Configs.minimalWith("""
                sqsQueue:
                  visibilityTimeout: 100
                """);
        assertInstanceOf(SynthResult.Synthesized.class, synth(withWarning, out, false));
        SynthResult strict = synth(withWarning, work.resolve("strict.out"), true);
        assertFalse(assertInstanceOf(SynthResult.Invalid.class, strict).report().valid());
        assertFalse(Files.exists(work.resolve("strict.out")));
    }
}
