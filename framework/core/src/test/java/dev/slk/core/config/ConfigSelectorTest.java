package dev.slk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSelectorTest {
    @TempDir
    Path dir;

    @Test
    void configOptionNamesTheFile() {
        ConfigSource.File f = (ConfigSource.File) ConfigSelector.select(dir, "my.yaml", Map.of(), null);
        assertEquals(dir.resolve("my.yaml"), f.path());
        assertEquals("my.yaml", f.displayName());
    }

    @Test
    void cdkStyleContextNamesTheFile() {
        ConfigSource.File f = (ConfigSource.File) ConfigSelector.select(dir, null, Map.of("configFile", "ctx.yaml"), null);
        assertEquals(dir.resolve("ctx.yaml"), f.path());
    }

    @Test
    void envPicksConfigDotEnvDotYaml() {
        ConfigSource.File f = (ConfigSource.File) ConfigSelector.select(dir, null, Map.of(), "prod");
        assertEquals(dir.resolve("config.prod.yaml"), f.path());
        assertEquals("prod", f.selectedEnvironment());
    }

    @Test
    void defaultIsConfigYamlWhenItExists() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "x: 1\n");
        assertEquals(dir.resolve("config.yaml"), ((ConfigSource.File) ConfigSelector.select(dir, null, Map.of(), null)).path());
    }

    @Test
    void fallsBackToTheBundledExample() {
        assertInstanceOf(ConfigSource.BundledExample.class, ConfigSelector.select(dir, null, Map.of(), null));
    }

    @Test
    void refusesTwoWaysOfChoosing() {
        assertThrows(IllegalArgumentException.class, () -> ConfigSelector.select(dir, "a.yaml", Map.of(), "prod"));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigSelector.select(dir, "a.yaml", Map.of("configFile", "b.yaml"), null));
    }

    @Test
    void refusesUnknownContextKeysAndPathTricksInEnv() {
        assertThrows(IllegalArgumentException.class, () -> ConfigSelector.select(dir, null, Map.of("stage", "x"), null));
        assertThrows(IllegalArgumentException.class, () -> ConfigSelector.select(dir, null, Map.of(), "../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> ConfigSelector.select(dir, null, Map.of(), "Prod"));
    }
}
