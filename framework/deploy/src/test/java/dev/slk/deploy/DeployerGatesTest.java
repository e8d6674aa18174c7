package dev.slk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.config.ConfigSource;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.deploy.cdk.CdkCli;
import dev.slk.deploy.cdk.CdkRunner;
import dev.slk.deploy.cdk.CdkVersion;
import dev.slk.deploy.gates.GateResult;
import dev.slk.deploy.gates.Gates;
import dev.slk.stack.Synthesizer;
import dev.slk.stack.assets.LambdaArtifacts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates stop a deployment before anything is synthesized or deployed. The CDK CLI here does not exist:
 * reaching it would fail the test with an I/O error instead of a gate result.
 */
class DeployerGatesTest {
    private static final ModuleRegistry REGISTRY = ModuleRegistry.discover(DeployerGatesTest.class.getClassLoader());

    @TempDir
    Path root;

    @Test
    void aModuleWhoseChecklistHasAFailingItemStopsTheDeployAtTheChecklistGate() throws Exception {
        halfDoneModule("sample-source");
        List<String> progress = new ArrayList<>();
        DeployOutcome outcome = deployer(progress).deploy(request(config("""
                integrations:
                  sample-source:
                    enabled: true
                    config:
                      credentialsSecretName: sample/api-token
                """)), null);

        DeployOutcome.GateFailed failed = assertInstanceOf(DeployOutcome.GateFailed.class, outcome);
        assertEquals(List.of("validate-config", "checklist"), failed.gates().stream().map(GateResult::gate).toList());
        assertInstanceOf(GateResult.Passed.class, failed.gates().get(0));
        GateResult.Failed checklist = assertInstanceOf(GateResult.Failed.class, failed.gates().get(1));
        assertTrue(checklist.summary().matches("checklist: 1 module\\(s\\), \\d+ items: .*; failed; first: sample-source "
                + "item \\d+ \\([^)]+\\): modules/sample-source/\\S+: .+"), checklist.summary());
        assertTrue(progress.stream().noneMatch(l -> l.startsWith("synthesizing")), progress.toString());
        assertNothingDeployed();
    }

    private void assertNothingDeployed() throws Exception {
        assertFalse(Files.exists(root.resolve("cdk.out")), "nothing was synthesized");
        Path records = root.resolve(".slk/deployments/dev");
        try (Stream<Path> files = Files.exists(records) ? Files.list(records) : Stream.empty()) {
            assertEquals(List.of(), files.toList(), "no record, no kept assembly, the lock released");
        }
    }

    /** A module with its directory and pom, whose README has an emoticon and which has none of the rest. */
    private void halfDoneModule(String id) throws Exception {
        Files.writeString(root.resolve("slk-workspace.properties"), "modules.dir=modules\ncopyright.holder=the test authors\n");
        Files.writeString(root.resolve("pom.xml"), "<project><modules><module>modules</module></modules></project>\n");
        Path module = Files.createDirectories(root.resolve("modules").resolve(id));
        Files.writeString(root.resolve("modules/pom.xml"), "<project><modules><module>" + id + "</module></modules></project>\n");
        Files.writeString(module.resolve("pom.xml"), "<project><version>1.2.0</version></project>\n");
        Files.writeString(module.resolve("README.md"), "# Sample source :)\n");
    }

    private YamlDocument config(String integrations) throws Exception {
        String example;
        try (InputStream in = ConfigSource.class.getResourceAsStream(ConfigSource.BundledExample.RESOURCE)) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(example.contains("integrations: {}\n"));
        return new YamlLoader().parse(example.replace("integrations: {}\n", integrations), "config.yaml");
    }

    private DeployRequest request(YamlDocument document) {
        return new DeployRequest(document, null, null, REGISTRY, WorkspacePaths.of(root, Map.of()), false, true, null,
                Map.of(), 5);
    }

    private Deployer deployer(List<String> progress) {
        CdkCli absent = new CdkCli(root.resolve("no-cdk-cli"), CdkVersion.parse("2.1148.1"));
        return new Deployer(new Synthesizer(REGISTRY, new LambdaArtifacts(root.resolve("no-artifacts")), "node",
                progress::add), new CdkRunner(absent, Map.of(), root, Duration.ofSeconds(10)), Gates.standard(),
                progress::add);
    }
}
