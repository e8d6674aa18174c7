package dev.slk.deploy.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistGateTest {
    @TempDir
    Path dir;

    @Test
    void anEnabledModuleTheWorkspaceDoesNotHoldFailsTheGate() throws Exception {
        GateResult result = new ChecklistGate().run(context(
                "integrations:\n  okta-logs:\n    enabled: true\n  azure-logs:\n    enabled: false\n"));
        GateResult.Failed failed = assertInstanceOf(GateResult.Failed.class, result);
        assertEquals("enabled module(s) okta-logs not in modules, so their checklist cannot run", failed.summary());
    }

    @Test
    void noEnabledModuleHasNothingToCheck() throws Exception {
        GateResult result = new ChecklistGate().run(context("integrations:\n  okta-logs:\n    enabled: false\n"));
        assertEquals("no module is enabled", assertInstanceOf(GateResult.Passed.class, result).summary());
    }

    private GateContext context(String yaml) throws Exception {
        WorkspacePaths paths = WorkspacePaths.of(dir, Map.of());
        return new GateContext(new YamlLoader().parse(yaml, "config.yaml"), null, false,
                ModuleRegistry.discover(getClass().getClassLoader()), paths, dir.resolve("cdk.out"));
    }
}
