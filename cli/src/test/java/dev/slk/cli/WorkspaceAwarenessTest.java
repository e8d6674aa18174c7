package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.Configs;
import dev.slk.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command finds the workspace's files from any directory below its root. */
class WorkspaceAwarenessTest {
    @TempDir
    Path root;

    /** A GitHub-shaped token built at run time, so this source holds none. */
    private static String githubToken() {
        return "gh" + "p_" + "w".repeat(20) + "0123456789AbCdEf";
    }

    private Path write(String relative, String text) throws Exception {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    @Test
    void securityScanOfAModuleWorksFromInsideTheModuleDirectory() throws Exception {
        write(Workspace.MARKER, "modules.dir=modules\n");
        write("modules/okta-logs/pom.xml", "<project/>\n");
        write("modules/okta-logs/src/App.java", "class App { String t = \"" + githubToken() + "\"; }\n");
        Slk.Result r = Slk.run(root.resolve("modules/okta-logs"), "security-scan", "--module", "okta-logs", "--no-infra");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("modules/okta-logs/src/App.java:1:25: error: "), r.out());
        assertTrue(r.out().contains("github-token"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void securityScanFindsModulesWhereModulesDirSaysFromASubdirectory() throws Exception {
        write(Workspace.MARKER, "modules.dir=integrations\n");
        write("integrations/okta-logs/pom.xml", "<project/>\n");
        write("integrations/okta-logs/README.md", "clean\n");
        Path deep = Files.createDirectories(root.resolve("docs/notes"));
        Slk.Result r = Slk.run(deep, "security-scan", "--module", "okta-logs", "--no-infra");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        Slk.Result missing = Slk.run(deep, "security-scan", "--module", "no-such", "--no-infra");
        assertEquals(2, missing.exitCode());
        assertEquals("", missing.out());
        assertEquals("slk: error: ../../integrations/no-such: no such module directory\n", missing.err());
    }

    @Test
    void listModulesInASubdirectoryReadsTheWorkspaceConfig() throws Exception {
        write(Workspace.MARKER, "");
        write("config.yaml", Configs.MINIMAL + "integrations:\n  sample-source:\n    enabled: true\n");
        Path src = Files.createDirectories(root.resolve("modules/okta-logs/src"));
        Slk.Result r = Slk.run(src, "list-modules", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"config\" : \"../../../config.yaml\""), r.out());
        assertTrue(r.out().contains("\"id\" : \"sample-source\",\n    \"version\" : \"1.2.0\",\n    \"state\" : \"enabled\""),
                r.out());
        assertEquals("", r.err());
    }

    @Test
    void validateConfigWithEnvInASubdirectoryReadsTheRootsEnvironmentFile() throws Exception {
        write(Workspace.MARKER, "");
        write("config.prod.yaml", Configs.MINIMAL.replace("environment: dev", "environment: prod"));
        Path sub = Files.createDirectories(root.resolve("docs"));
        Slk.Result r = Slk.run(sub, "validate-config", "--env", "prod");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("../config.prod.yaml: valid"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void listModulesRefusesIntegrationsThatAreAListAtTheirLineAsValidateConfigDoes() throws Exception {
        write("config.yaml", Configs.MINIMAL + "integrations: [okta-logs]\n");
        Slk.Result list = Slk.run(root, "list-modules", "--config", "config.yaml");
        assertEquals(2, list.exitCode(), list.out() + list.err());
        assertEquals("", list.out());
        assertEquals("slk: error: config.yaml:10:15: 'integrations' must be a mapping, not a list\n", list.err());
        Slk.Result validate = Slk.run(root, "validate-config");
        assertEquals(1, validate.exitCode());
        assertTrue(validate.out().contains("config.yaml:10:15")
                && validate.out().contains("'integrations' must be a mapping, not a list"), validate.out());
    }
}
