package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import dev.slk.core.testing.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewModuleCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void workspace() throws IOException {
        TestWorkspaces.create(dir);
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void createsARegisteredModuleAndPrintsTheNextSteps() throws Exception {
        Slk.Result r = Slk.run(dir, "new-module", "okta-logs", "--name", "Okta System Log");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Created module okta-logs: "), r.out());
        assertTrue(r.out().contains("Added to modules/pom.xml: okta-logs, okta-logs/src/lambda/event-processor"), r.out());
        assertTrue(r.out().contains("     mvn -B -ntp verify -pl modules/okta-logs,modules/okta-logs/src/lambda/event-processor -am\n"),
                r.out());
        assertTrue(r.out().contains("     integrations:\n       okta-logs:\n         enabled: true\n"), r.out());
        assertTrue(r.out().contains("aws secretsmanager create-secret --name okta-logs/credentials"), r.out());
        Path module = dir.resolve("modules/okta-logs/src/main/java/dev/slk/modules/oktalogs/OktaLogsModule.java");
        String source = Files.readString(module);
        assertTrue(source.contains("Copyright (c) " + Year.now(ZoneOffset.UTC) + " Example Corp"), source);
        assertTrue(source.contains("return \"Okta System Log\";"));
        assertTrue(Files.readString(dir.resolve("modules/pom.xml")).contains("<module>okta-logs</module>"));
    }

    @Test
    void aDryRunListsEveryFileWithItsSizeAndWritesNothing() throws Exception {
        List<String> before = tree();
        Slk.Result r = Slk.run(dir, "new-module", "okta-logs", "--dry-run");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(before, tree());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("Would write \\d+ files \\(\\d+\\.\\d KiB\\) to modules/okta-logs/:"), lines[0]);
        assertTrue(r.out().contains("\n  pom.xml "), r.out());
        assertTrue(r.out().matches("(?s).*\n  src/main/java/dev/slk/modules/oktalogs/OktaLogsModule\\.java +[\\d,]+ bytes\n.*"),
                r.out());
        assertTrue(r.out().endsWith("Would add to modules/pom.xml: okta-logs, okta-logs/src/lambda/event-processor\n"
                + "Nothing was written (--dry-run).\n"), r.out());
    }

    @Test
    void refusalsAreOneLineExitTwoAndWriteNothing() throws Exception {
        Files.createDirectories(dir.resolve("modules/taken"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("elsewhere"));
        List<String> before = tree();
        Map<List<String>, String> cases = Map.of(
                List.of("new-module", "Okta_Logs"), "module id 'Okta_Logs' is invalid",
                List.of("new-module", "core"), "module id 'core' is reserved by slk",
                List.of("new-module", "sample-source"), "module id 'sample-source' is already used by the module from",
                List.of("new-module", "taken"), "modules/taken already exists",
                List.of("new-module", "okta-logs", "--dir", "../x"), "--dir ../x leaves the workspace",
                List.of("new-module", "okta-logs", "--dir", "/tmp"), "--dir /tmp is an absolute path",
                List.of("new-module", "okta-logs", "--dir", "linked"), "linked is a symbolic link",
                List.of("new-module", "okta-logs", "--runtime", "cobol"), "there are no 'cobol' templates");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            Slk.Result r = Slk.run(dir, c.getKey().toArray(String[]::new));
            assertEquals(2, r.exitCode(), c.getKey() + ": " + r.err());
            assertEquals("", r.out(), c.getKey().toString());
            assertTrue(r.err().startsWith("slk: error: " + c.getValue()), c.getKey() + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        assertEquals(before, tree());
    }

    @Test
    void forceOverwritesTheGeneratedFilesOfAnExistingModule() throws Exception {
        assertEquals(0, Slk.run(dir, "new-module", "okta-logs").exitCode());
        Path readme = dir.resolve("modules/okta-logs/README.md");
        Files.writeString(readme, "changed");
        Slk.Result r = Slk.run(dir, "new-module", "okta-logs", "--force");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  README.md  ") && r.out().contains("(overwrites)"), r.out());
        assertTrue(Files.readString(readme).contains("# Okta Logs module (`okta-logs`)"));
    }

    @Test
    void aTemplateOverlayReplacesBuiltInTemplates() throws Exception {
        Path overlay = Files.createDirectories(dir.resolve("templates/module/java21"));
        Files.writeString(overlay.resolve("README.md"), "<!-- Copyright (c) {{year}} {{copyrightHolder}} -->\n# {{moduleName}}, by the SOC team\n");
        Slk.Result r = Slk.run(dir, "new-module", "okta-logs", "--templates", "templates");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(dir.resolve("modules/okta-logs/README.md")).endsWith("# Okta Logs, by the SOC team\n"));
    }

    @Test
    void aTemplateVariableWithoutValueIsNamed() throws Exception {
        Path overlay = Files.createDirectories(dir.resolve("templates/module/java21"));
        Files.writeString(overlay.resolve("CHANGELOG.md"), "# {{moduleName}}\n{{teamName}}\n");
        List<String> before = tree();
        Slk.Result r = Slk.run(dir, "new-module", "okta-logs", "--templates", "templates");
        assertEquals(2, r.exitCode());
        assertEquals("slk: error: " + overlay.resolve("CHANGELOG.md") + ":2: no value for template variable 'teamName'\n",
                r.err());
        assertEquals(before, tree());
    }

    @Test
    void theWorkspaceIsFoundFromASubdirectory() throws Exception {
        Slk.Result r = Slk.run(dir.resolve("modules"), "new-module", "okta-logs", "--copyright-holder", "ACME");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(dir.resolve("modules/okta-logs/pom.xml")).contains("Copyright (c) "
                + Year.now(ZoneOffset.UTC) + " ACME"));
    }

    @Test
    void outsideAWorkspaceOnlyADryRunWorks(@TempDir Path outside) {
        Slk.Result dry = Slk.run(outside, "new-module", "okta-logs", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().startsWith("Would write "), dry.out());
        assertTrue(dry.err().startsWith("slk: note: not inside an slk workspace"), dry.err());
        Slk.Result real = Slk.run(outside, "new-module", "okta-logs");
        assertEquals(2, real.exitCode());
        assertTrue(real.err().startsWith("slk: error: not inside an slk workspace: no slk-workspace.properties in "),
                real.err());
    }
}
