package dev.slk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slk.core.workspace.Workspace;
import dev.slk.core.workspace.WorkspacePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSelectorTest {
    @TempDir
    Path dir;

    private WorkspacePaths here() {
        return new WorkspacePaths(dir, Optional.empty());
    }

    @Test
    void configOptionNamesTheFile() {
        ConfigSource.File f = (ConfigSource.File) ConfigSelector.select(here(), Path.of("my.yaml"), List.of(), null);
        assertEquals(dir.resolve("my.yaml"), f.path());
        assertEquals("my.yaml", f.displayName());
    }

    @Test
    void cdkStyleContextNamesTheFile() {
        ConfigSource.File f = (ConfigSource.File) ConfigSelector.select(here(), null, List.of("configFile=ctx.yaml"), null);
        assertEquals(dir.resolve("ctx.yaml"), f.path());
    }

    @Test
    void envPicksConfigDotEnvDotYaml() {
        ConfigSource.File f = (ConfigSource.File) ConfigSelector.select(here(), null, List.of(), "prod");
        assertEquals(dir.resolve("config.prod.yaml"), f.path());
        assertEquals("config.prod.yaml", f.displayName());
        assertEquals("prod", f.selectedEnvironment());
    }

    @Test
    void defaultIsConfigYamlWhenItExists() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "x: 1\n");
        assertEquals(dir.resolve("config.yaml"), ((ConfigSource.File) ConfigSelector.select(here(), null, List.of(), null)).path());
    }

    @Test
    void belowAWorkspaceRootTheDefaultsAreTheRootsFilesShownRelativeToTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve(Workspace.MARKER), "");
        Files.writeString(dir.resolve("config.yaml"), "x: 1\n");
        Path sub = Files.createDirectories(dir.resolve("modules/okta-logs/src"));
        Files.writeString(sub.resolve("config.yaml"), "not: this\n");
        WorkspacePaths paths = WorkspacePaths.of(sub, Map.of());
        ConfigSource.File f = (ConfigSource.File) ConfigSelector.select(paths, null, List.of(), null);
        assertEquals(dir.resolve("config.yaml"), f.path());
        assertEquals("../../../config.yaml", f.displayName());
        ConfigSource.File typed = (ConfigSource.File) ConfigSelector.select(paths, Path.of("config.yaml"), List.of(), null);
        assertEquals(sub.resolve("config.yaml"), typed.path());
    }

    @Test
    void fallsBackToTheBundledExample() {
        ConfigSource source = ConfigSelector.select(here(), null, List.of(), null);
        assertInstanceOf(ConfigSource.BundledExample.class, source);
        assertEquals(null, source.selectedEnvironment(), "no --env selected the bundled example");
    }

    @Test
    void refusesTwoWaysOfChoosing() {
        assertThrows(IllegalArgumentException.class, () -> ConfigSelector.select(here(), Path.of("a.yaml"), List.of(), "prod"));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigSelector.select(here(), Path.of("a.yaml"), List.of("configFile=b.yaml"), null));
    }

    @Test
    void refusesARepeatedConfigFileContextKeyAsARepeatedConfigOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigSelector.select(here(), null, List.of("configFile=a.yaml", "configFile=b.yaml"), null));
        assertEquals("option '-c configFile' (FILE) should be specified only once", e.getMessage());
    }

    @Test
    void refusesContextWithoutKeyAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigSelector.select(here(), null, List.of("a.yaml"), null));
        assertEquals("-c 'a.yaml' is not KEY=VALUE, e.g. -c configFile=config.prod.yaml", e.getMessage());
    }

    @Test
    void refusesUnknownContextKeysAndPathTricksInEnv() {
        assertThrows(IllegalArgumentException.class, () -> ConfigSelector.select(here(), null, List.of("stage=x"), null));
        assertThrows(IllegalArgumentException.class, () -> ConfigSelector.select(here(), null, List.of(), "../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> ConfigSelector.select(here(), null, List.of(), "Prod"));
    }
}
