package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.testing.AliasBombs;
import dev.slk.core.testing.Configs;
import dev.slk.core.testing.ReportSchemas;
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
    void jsonIsTheDocumentedReportWithItsExactShape() throws Exception {
        write("c.yaml", VALID.replace("awsRegion: us-east-1", "awsRegion: us-east-1\nfoo: 1")
                .replace("externalId: secretsmanager:demo/external-id", "externalId: PLACEHOLDER_ID"));
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "c.yaml", "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.err());
        ObjectNode json = (ObjectNode) ReportSchemas.assertValidJsonReport(r.out());
        assertEquals(json, ReportSchemas.assertValidJsonReport(
                Slk.run(dir, "validate-config", "--config", "c.yaml", "--format", "json").out()),
                "the same input gives the same document, fingerprints included");
        // The shape is exact; the wording of messages and hints belongs to the rules' own tests.
        for (JsonNode finding : json.get("findings")) {
            assertTrue(finding.get("fingerprint").asText().matches("[0-9a-f]{32}"), finding.toString());
            assertFalse(finding.get("message").asText().isBlank() || finding.get("hint").asText().isBlank());
            ((ObjectNode) finding).remove("fingerprint");
            ((ObjectNode) finding).put("message", "MESSAGE").put("hint", "HINT");
        }
        assertFalse(r.out().contains("PLACEHOLDER_ID"), "the placeholder is redacted");
        json.put("version", "VERSION");
        assertEquals(new ObjectMapper().readTree("""
                {
                  "reportVersion": 1,
                  "tool": "slk validate-config",
                  "command": "validate-config",
                  "version": "VERSION",
                  "passed": false,
                  "failOn": "high",
                  "summary": {"findings": 2, "failing": 1, "belowThreshold": 1, "suppressed": 0, "baselined": 0, "waived": 0},
                  "facts": {"file": "c.yaml", "valid": false, "strict": false, "errors": 1, "warnings": 1,
                            "modulesChecked": []},
                  "findings": [
                    {"rule": "schema.additionalProperties", "severity": "high", "level": "error", "status": "failing",
                     "message": "MESSAGE", "hint": "HINT", "location": {"file": "c.yaml", "line": 4, "column": 1},
                     "pointer": "/foo"},
                    {"rule": "placeholder", "severity": "medium", "level": "warning", "status": "belowThreshold",
                     "message": "MESSAGE", "hint": "HINT", "location": {"file": "c.yaml", "line": 9, "column": 15},
                     "pointer": "/securityLake/externalId"}
                  ],
                  "notices": []
                }
                """), json, json.toPrettyString());
    }

    @Test
    void sarifOfAConfigValidatesAgainstTheSarifSchemaWithEveryRuleDescribed() throws Exception {
        write("c.yaml", VALID.replace("awsRegion: us-east-1", "awsRegion: us-east-1\nfoo: 1"));
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "c.yaml", "--format", "sarif");
        assertEquals(1, r.exitCode(), r.err());
        JsonNode run = ReportSchemas.assertValidSarif(r.out()).at("/runs/0");
        assertEquals("slk validate-config", run.at("/tool/driver/name").asText());
        assertEquals("schema.additionalProperties", run.at("/tool/driver/rules/0/id").asText());
        assertEquals("8.0", run.at("/tool/driver/rules/0/properties/security-severity").asText());
        assertEquals("c.yaml", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(4, run.at("/results/0/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("/foo", run.at("/results/0/properties/pointer").asText());
    }

    @Test
    void junitOfAConfigHasAFailedTestCasePerErrorAndTheJUnitSchemaAcceptsIt() throws Exception {
        write("c.yaml", VALID.replace("awsRegion: us-east-1", "awsRegion: us-east-1\nfoo: 1"));
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "c.yaml", "--format", "junit");
        assertEquals(1, r.exitCode(), r.err());
        ReportSchemas.assertValidJUnit(r.out());
        assertTrue(r.out().contains("<testsuites name=\"slk validate-config\" tests=\"1\" failures=\"1\" errors=\"0\">"),
                r.out());
        assertTrue(r.out().contains("<testcase classname=\"schema.additionalProperties\" name=\"c.yaml:4:1 /foo\">"),
                r.out());
    }

    @Test
    void outputWritesTheReportAtomicallyAndNeverReplacesAUserFile() throws Exception {
        write("config.yaml", VALID);
        for (String format : new String[] {"text", "json", "sarif", "junit"}) {
            Slk.Result first = Slk.run(dir, "validate-config", "--format", format, "--output", "report.out");
            assertEquals(0, first.exitCode(), format + ": " + first.err());
            assertEquals("", first.out());
            assertEquals("slk: note: config.yaml: valid (0 errors, 0 warnings; modules checked: none); report written"
                    + " to report.out\n", first.err());
            Slk.Result again = Slk.run(dir, "validate-config", "--format", format, "--output", "report.out");
            assertEquals(0, again.exitCode(), format + " replaces its own earlier report: " + again.err());
        }
        assertTrue(Files.readString(dir.resolve("report.out")).contains("<testsuites name=\"slk validate-config\""));
        Slk.Result refused = Slk.run(dir, "validate-config", "--output", "config.yaml");
        assertEquals(2, refused.exitCode());
        assertEquals("slk: error: config.yaml: exists and is not an slk validate-config report; slk will not replace"
                + " it (remove it or name another file)\n", refused.err());
        assertEquals(VALID, Files.readString(dir.resolve("config.yaml")));
        Slk.Result scanReport = Slk.run(dir, "security-scan", "--no-infra", "--format", "json", "--output", "scan.json");
        assertEquals(0, scanReport.exitCode(), scanReport.err());
        assertEquals(2, Slk.run(dir, "validate-config", "--output", "scan.json").exitCode(),
                "a security-scan report is not validate-config's to replace");
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
    void theEnvironmentEnvNamesReachesTheRulesAndOnlyThroughEnv() throws Exception {
        write("config.prod.yaml", VALID);
        Slk.Result env = Slk.run(dir, "validate-config", "--env", "prod");
        assertEquals(0, env.exitCode(), env.out() + env.err());
        assertTrue(env.out().contains("config.prod.yaml:"), env.out());
        assertTrue(env.out().contains("--env prod selected this file, but its environment is 'dev'"), env.out());
        assertTrue(env.out().contains("[environment.mismatch]"), env.out());

        Slk.Result file = Slk.run(dir, "validate-config", "--config", "config.prod.yaml");
        assertEquals(0, file.exitCode(), file.out() + file.err());
        assertFalse(file.out().contains("environment.mismatch"), file.out());
        Slk.Result bundled = Slk.run(dir, "validate-config");
        assertEquals(0, bundled.exitCode(), bundled.out() + bundled.err());
        assertFalse(bundled.out().contains("environment.mismatch"), bundled.out());
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
