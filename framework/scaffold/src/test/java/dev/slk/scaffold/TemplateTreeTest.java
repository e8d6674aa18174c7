package dev.slk.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTreeTest {
    @TempDir
    Path dir;

    private static TemplateTree.Template find(TemplateTree tree, String path) {
        return tree.templates().stream().filter(t -> t.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void theBuiltInTreeIsOrganisedByRuntime() throws Exception {
        assertTrue(TemplateTree.runtimes("module", null).contains("java21"));
        TemplateTree tree = TemplateTree.load("module", "java21", null);
        assertEquals("module/java21", tree.name());
        List<String> paths = tree.templates().stream().map(TemplateTree.Template::path).toList();
        assertTrue(paths.contains("pom.xml"), paths.toString());
        assertTrue(paths.contains("src/main/java/{{javaPackagePath}}/{{className}}.java"), paths.toString());
        assertTrue(paths.contains("src/lambda/event-processor/pom.xml"), paths.toString());
        assertTrue(find(tree, "pom.xml").origin().equals("built-in module/java21/pom.xml"));
    }

    @Test
    void anOverlayReplacesFilesAndAddsNewOnes() throws Exception {
        Path java21 = Files.createDirectories(dir.resolve("module/java21/docs"));
        Files.writeString(dir.resolve("module/java21/README.md"), "# {{moduleName}} (ours)\n");
        Files.writeString(java21.resolve("RUNBOOK.md"), "# Runbook of {{moduleId}}\n");
        TemplateTree tree = TemplateTree.load("module", "java21", dir);
        assertEquals("# {{moduleName}} (ours)\n", find(tree, "README.md").text());
        assertEquals(dir.resolve("module/java21/README.md").toString(), find(tree, "README.md").origin());
        assertEquals("# Runbook of {{moduleId}}\n", find(tree, "docs/RUNBOOK.md").text());
        assertTrue(find(tree, "pom.xml").origin().startsWith("built-in"));
    }

    @Test
    void anOverlayMayAddARuntime() throws Exception {
        Files.createDirectories(dir.resolve("module/python311"));
        Files.writeString(dir.resolve("module/python311/app.py"), "# {{moduleId}}\n");
        assertTrue(TemplateTree.runtimes("module", dir).containsAll(List.of("java21", "python311")));
        assertEquals(List.of("app.py"),
                TemplateTree.load("module", "python311", dir).templates().stream().map(TemplateTree.Template::path).toList());
    }

    @Test
    void anUnknownRuntimeNamesTheAvailableOnes() {
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> TemplateTree.load("module", "cobol", null));
        assertTrue(e.getMessage().startsWith("there are no 'cobol' templates for a module; available: java21"),
                e.getMessage());
    }

    @Test
    void templatesAreReadAsUtf8AndOtherEncodingsRefused() throws Exception {
        Files.createDirectories(dir.resolve("module/java21"));
        Files.write(dir.resolve("module/java21/README.md"), new byte[] {'G', 'r', (byte) 0xFC, 'n'});
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> TemplateTree.load("module", "java21", dir));
        assertEquals(dir.resolve("module/java21/README.md") + " is not UTF-8 text; templates are read as UTF-8",
                e.getMessage());
    }

    @Test
    void symbolicLinksInAnOverlayAreRefused() throws Exception {
        Files.createDirectories(dir.resolve("module/java21"));
        Files.createSymbolicLink(dir.resolve("module/java21/README.md"), Path.of("/etc/hostname"));
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> TemplateTree.load("module", "java21", dir));
        assertTrue(e.getMessage().endsWith("is a symbolic link; a template tree holds plain directories and files"),
                e.getMessage());
    }

    @Test
    void anOverlayThatIsNotADirectoryIsRefused() {
        ScaffoldException e = assertThrows(ScaffoldException.class,
                () -> TemplateTree.load("module", "java21", dir.resolve("missing")));
        assertTrue(e.getMessage().endsWith("is not a directory"), e.getMessage());
    }
}
