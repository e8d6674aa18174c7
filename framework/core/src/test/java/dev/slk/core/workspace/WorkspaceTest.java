package dev.slk.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void isFoundFromAnyDirectoryBelowItsRoot() throws Exception {
        Files.writeString(dir.resolve(Workspace.MARKER), "");
        Path deep = Files.createDirectories(dir.resolve("modules/okta-logs/src/main"));
        Workspace workspace = Workspace.find(deep, Map.of()).orElseThrow();
        assertEquals(dir.toAbsolutePath().normalize(), workspace.root());
        assertEquals("modules", workspace.modulesDir());
        assertEquals("dev.slk.modules", workspace.modulesPackage());
        assertEquals("the module's authors", workspace.copyrightHolder());
    }

    @Test
    void theNearestMarkerWins() throws Exception {
        Files.writeString(dir.resolve(Workspace.MARKER), "");
        Path inner = Files.createDirectories(dir.resolve("vendor/other"));
        Files.writeString(inner.resolve(Workspace.MARKER), "copyright.holder=Other\n");
        assertEquals(inner, Workspace.find(inner.resolve("."), Map.of()).orElseThrow().root());
    }

    @Test
    void readsItsSettingsFromTheMarker() throws Exception {
        Files.writeString(dir.resolve(Workspace.MARKER), """
                # comment
                modules.dir = integrations
                modules.package=com.example.sec
                copyright.holder=Example Corp
                """);
        Workspace workspace = Workspace.read(dir);
        assertEquals("integrations", workspace.modulesDir());
        assertEquals("com.example.sec", workspace.modulesPackage());
        assertEquals("Example Corp", workspace.copyrightHolder());
    }

    @Test
    void waiverMaxDaysDefaultsTo180AndRefusesWhatIsNotADayCount() throws Exception {
        Files.writeString(dir.resolve(Workspace.MARKER), "");
        assertEquals(180, Workspace.read(dir).waiverMaxDays());
        Files.writeString(dir.resolve(Workspace.MARKER), "waivers.maxDays = 90\n");
        assertEquals(90, Workspace.read(dir).waiverMaxDays());
        assertEquals(90, WorkspacePaths.of(dir, Map.of()).waiverMaxDays());
        Files.writeString(dir.resolve(Workspace.MARKER), "waivers.maxDays=half a year\n");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.read(dir));
        assertTrue(e.getMessage().endsWith("waivers.maxDays is 'half a year'; it must be a whole number of days from 1"
                + " to 3650"), e.getMessage());
    }

    @Test
    void noMarkerMeansNoWorkspace() {
        // Nothing below the temporary directory is a workspace (whatever its parents are).
        assertTrue(Workspace.find(dir, Map.of()).map(w -> !w.root().startsWith(dir)).orElse(true));
    }

    @Test
    void theEnvironmentCanNameTheWorkspace() throws Exception {
        Path root = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(root.resolve(Workspace.MARKER), "");
        assertEquals(root, Workspace.find(dir, Map.of(Workspace.ENV, "ws")).orElseThrow().root());
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> Workspace.find(dir, Map.of(Workspace.ENV, "nowhere")));
        assertEquals(Workspace.ENV + "=nowhere is not an slk workspace: " + dir.resolve("nowhere").resolve(Workspace.MARKER)
                + " does not exist", e.getMessage());
    }
}
