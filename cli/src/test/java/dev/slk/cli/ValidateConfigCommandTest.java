package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.testing.AliasBombs;
import dev.slk.core.testing.Configs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateConfigCommandTest {
    private static final String VALID = Configs.MINIMAL;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void assertNoStackTrace(Slk.Result r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception:") && r.err().contains("at dev."), r.err());
    }

    @Test
    void validConfigExitsZero() throws Exception {
        write("config.yaml", VALID);
        Slk.Result r = Slk.run(dir, "validate-config");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("config.yaml: valid (0 errors, 0 warnings; modules checked: none)\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void withoutConfigYamlTheBundledExampleIsUsedAndSaidSo() {
        Slk.Result r = Slk.run(dir, "validate-config");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("slk: note: no config.yaml in " + dir + "; using the bundled example config"), r.err());
        assertTrue(r.out().startsWith("config.example.yaml (bundled): valid"), r.out());
    }

    @Test
    void invalidConfigExitsOneWithEveryProblemOnItsLine() throws Exception {
        write("bad.yaml", VALID.replace("environment: dev", "environment: prd").replace("keyAlias: demo",
                "keyAlias: demo\n  keyRotation: true"));
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "bad.yaml");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("bad.yaml:2:14: error: environment 'prd' is not one of dev, staging, prod [environment]\n"
                + "    at /environment; did you mean 'prod'?\n"), r.out());
        assertTrue(r.out().contains("bad.yaml:6:3: error: unknown key 'keyRotation' in '/encryption'"), r.out());
        assertTrue(r.out().endsWith("bad.yaml: invalid (2 errors, 0 warnings; modules checked: none)\n"), r.out());
    }

    @Test
    void jsonFormatIsMachineReadable() throws Exception {
        write("c.yaml", VALID.replace("awsRegion: us-east-1", "awsRegion: us-east-1\nfoo: 1"));
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "c.yaml", "--format", "json");
        assertEquals(1, r.exitCode());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertFalse(json.get("valid").asBoolean());
        assertEquals(1, json.get("errors").asInt());
        JsonNode finding = json.get("findings").get(0);
        assertEquals("high", finding.get("severity").asText());
        assertEquals("error", finding.get("level").asText());
        assertEquals("schema.additionalProperties", finding.get("rule").asText());
        assertEquals("c.yaml", finding.get("file").asText());
        assertEquals(4, finding.get("line").asInt());
        assertEquals(1, finding.get("column").asInt());
        assertEquals("/foo", finding.get("pointer").asText());
    }

    @Test
    void strictTurnsWarningsIntoErrors() throws Exception {
        write("c.yaml", VALID.replace("externalId: secretsmanager:demo/external-id", "externalId: PLACEHOLDER_ID"));
        assertEquals(0, Slk.run(dir, "validate-config", "--config", "c.yaml").exitCode());
        Slk.Result strict = Slk.run(dir, "validate-config", "--config", "c.yaml", "--strict");
        assertEquals(1, strict.exitCode());
        assertTrue(strict.out().contains(": error: securityLake.externalId is still a placeholder"), strict.out());
        assertFalse(strict.out().contains("PLACEHOLDER_ID"), strict.out());
    }

    @Test
    void cdkStyleContextAndEnvChooseTheFile() throws Exception {
        write("other.yaml", VALID);
        write("config.prod.yaml", VALID.replace("environment: dev", "environment: prod"));
        assertEquals(0, Slk.run(dir, "validate-config", "-c", "configFile=other.yaml").exitCode());
        Slk.Result env = Slk.run(dir, "validate-config", "--env", "prod");
        assertEquals(0, env.exitCode(), env.out());
        assertTrue(env.out().startsWith("config.prod.yaml: valid"), env.out());
    }

    @Test
    void contradictoryChoicesAreAUsageError() {
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "a.yaml", "--env", "prod");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("slk: error: choose the configuration one way"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unusableInputIsOneLineAndExitTwo() throws Exception {
        Files.write(dir.resolve("latin1.yaml"), "projectName: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("bomb.yaml", AliasBombs.of(9, 9));
        write("broken.yaml", "a: [1, 2\n");
        Map<String, String> expected = Map.of(
                "missing.yaml", "slk: error: missing.yaml: no such file\n",
                ".", "slk: error: .: is a directory, not a file\n",
                "latin1.yaml", "slk: error: latin1.yaml:1:17: is not valid UTF-8 (byte 0xE9 at offset 16); save the file as UTF-8\n",
                "bomb.yaml", "slk: error: bomb.yaml: refused: more than 50 aliases to collections (a YAML alias bomb?);"
                        + " write the values out\n",
                "broken.yaml", "slk: error: broken.yaml:2:1: invalid YAML: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence)\n");
        expected.forEach((file, message) -> {
            Slk.Result r = Slk.run(dir, "validate-config", "--config", file);
            assertEquals(2, r.exitCode(), file);
            assertEquals(message, r.err(), file);
            assertEquals("", r.out(), file);
        });
    }

    @Test
    void debugPrintsTheStackTrace() {
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "missing.yaml", "--debug");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("UnreadableInputException") && r.err().contains("\tat "), r.err());
        assertNoStackTrace(Slk.run(dir, "validate-config", "--config", "missing.yaml"));
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutStackTrace() {
        Slk.Result r = Slk.run(dir, Map.of(), () -> {
            throw new IllegalStateException("boom");
        }, "validate-config");
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("slk: internal error: IllegalStateException: boom (run again with --debug"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void aBrokenModuleStopsTheCommandNamingItsClassAndJar() throws Exception {
        Path services = Files.createDirectories(dir.resolve("mods/META-INF/services"));
        Files.writeString(services.resolve("dev.slk.spi.IntegrationModule"), "acme.Missing\n");
        java.net.URLClassLoader loader = new java.net.URLClassLoader(
                new java.net.URL[] {dir.resolve("mods").toUri().toURL()}, getClass().getClassLoader());
        Slk.Result r = Slk.run(dir, Map.of(), () -> dev.slk.core.registry.ModuleRegistry.discover(loader),
                "validate-config");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("slk: error: module acme.Missing (from " + dir.resolve("mods") + "):"), r.err());
    }

    @Test
    void noColorRemovesEscapeCodes() throws Exception {
        write("c.yaml", VALID.replace("environment: dev", "environment: qa"));
        String previous = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true");
        try {
            assertTrue(Slk.run(dir, "validate-config", "--config", "c.yaml").out().contains("\u001B["));
            Slk.Result plain = Slk.run(dir, Map.of("NO_COLOR", "1"), () -> dev.slk.core.registry.ModuleRegistry
                    .discover(getClass().getClassLoader()), "validate-config", "--config", "c.yaml");
            assertFalse(plain.out().contains("\u001B["), plain.out());
            assertTrue(plain.out().contains(": error: environment 'qa'"), plain.out());
        } finally {
            if (previous == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", previous);
            }
        }
    }
}
