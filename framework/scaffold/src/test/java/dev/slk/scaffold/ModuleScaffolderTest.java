package dev.slk.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.TestWorkspaces;
import dev.slk.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleScaffolderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-05-04T10:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path root;
    private Workspace workspace;

    @BeforeEach
    void workspace() throws IOException {
        workspace = TestWorkspaces.create(root);
    }

    private static NewModuleRequest request(String id) {
        return new NewModuleRequest(id, null, null, null, "java21", null, null, false);
    }

    private ScaffoldPlan plan(NewModuleRequest request) throws ScaffoldException {
        return ModuleScaffolder.plan(Optional.of(workspace), request, CLOCK, Map.of());
    }

    /** Every path below the root, to prove a refused request left nothing behind. */
    private List<String> tree() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void rendersEveryFileWithItsCopyrightHeaderAndNoTemplateLeft() throws Exception {
        ScaffoldPlan plan = plan(request("okta-logs"));
        assertTrue(plan.files().size() >= 25, plan.files().size() + " files");
        for (ScaffoldPlan.PlannedFile file : plan.files()) {
            String text = new String(file.content(), StandardCharsets.UTF_8);
            assertTrue(file.path().startsWith("modules/okta-logs/"), file.path());
            assertTrue(text.contains("Copyright (c) 2031 Example Corp"), file.path());
            assertFalse(text.contains("{{") || file.path().contains("{{"), file.path());
            assertFalse(file.overwrites());
        }
        List<String> paths = plan.files().stream().map(ScaffoldPlan.PlannedFile::path).toList();
        assertTrue(paths.containsAll(List.of("modules/okta-logs/pom.xml", "modules/okta-logs/README.md",
                "modules/okta-logs/CHANGELOG.md", "modules/okta-logs/config.example.yaml",
                "modules/okta-logs/src/main/java/dev/slk/modules/oktalogs/OktaLogsModule.java",
                "modules/okta-logs/src/main/resources/dev/slk/modules/oktalogs/config.schema.json",
                "modules/okta-logs/src/main/resources/META-INF/services/dev.slk.spi.IntegrationModule",
                "modules/okta-logs/src/lambda/event-processor/pom.xml",
                "modules/okta-logs/src/lambda/event-processor/src/main/java/dev/slk/modules/oktalogs/lambda/"
                        + "EventProcessorHandler.java")), paths.toString());
    }

    @Test
    void registersEveryGeneratedMavenModuleAndSaysWhatToDoNext() throws Exception {
        ScaffoldPlan plan = plan(request("okta-logs"));
        ScaffoldPlan.PomChange pom = plan.pom().orElseThrow();
        assertEquals("modules/pom.xml", pom.path());
        assertEquals(List.of("okta-logs", "okta-logs/src/lambda/event-processor"), pom.added());
        assertEquals("mvn -B -ntp verify -pl modules/okta-logs,modules/okta-logs/src/lambda/event-processor -am",
                plan.nextSteps().buildCommand());
        assertTrue(plan.nextSteps().configExample().startsWith("integrations:\n  okta-logs:\n    enabled: true"),
                plan.nextSteps().configExample());
        assertEquals("okta-logs/credentials", plan.nextSteps().secretName());
    }

    @Test
    void writesTheModuleAndThePomAndLeavesNoTemporaryFiles() throws Exception {
        ScaffoldWriter.write(plan(request("okta-logs")));
        assertTrue(Files.isRegularFile(root.resolve("modules/okta-logs/src/main/java/dev/slk/modules/oktalogs/OktaLogsModule.java")));
        String pom = Files.readString(root.resolve("modules/pom.xml"));
        assertTrue(pom.contains("    <module>okta-logs</module>\n    <module>okta-logs/src/lambda/event-processor</module>\n  </modules>"), pom);
        try (Stream<Path> files = Files.list(root.resolve("modules"))) {
            assertEquals(List.of("okta-logs", "pom.xml"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void optionsAndWorkspaceSettingsReachTheFiles() throws Exception {
        Files.writeString(root.resolve(Workspace.MARKER), "modules.package=com.example.sec\ncopyright.holder=Ex\n");
        workspace = Workspace.read(root);
        ScaffoldPlan plan = plan(new NewModuleRequest("new", "New & <Improved>", "Reads \"new\" events.", "modules",
                "java21", null, "ACME Ltd", false));
        String module = text(plan, "modules/new/src/main/java/com/example/sec/new_/NewModule.java");
        assertTrue(module.contains("package com.example.sec.new_;"), module);
        assertTrue(module.contains("return \"New & <Improved>\";"), module);
        assertTrue(module.contains("return \"Reads \\\"new\\\" events\";"), module);
        assertTrue(module.contains("Copyright (c) 2031 ACME Ltd"));
        assertTrue(text(plan, "modules/new/pom.xml").contains("<name>New &amp; &lt;Improved&gt;</name>"));
    }

    private static String text(ScaffoldPlan plan, String path) {
        return plan.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError(path));
    }

    @Test
    void anExistingModuleIsRefusedWithoutForce() throws Exception {
        Files.createDirectories(root.resolve("modules/okta-logs"));
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> plan(request("okta-logs")));
        assertEquals("modules/okta-logs already exists; choose another id, or use --force to overwrite the files "
                + "slk generates there", e.getMessage());
    }

    @Test
    void anIdTakenByAnotherModuleIsRefusedEvenWithForce() throws Exception {
        NewModuleRequest forced = new NewModuleRequest("okta-logs", null, null, null, "java21", null, null, true);
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> ModuleScaffolder.plan(Optional.of(workspace),
                forced, CLOCK, Map.of("okta-logs", "/opt/slk/lib/okta.jar")));
        assertEquals("module id 'okta-logs' is already used by the module from /opt/slk/lib/okta.jar; module ids must "
                + "be unique", e.getMessage());
    }

    @Test
    void pathTricksAreRefusedAndNothingIsWritten() throws Exception {
        List<String> before = tree();
        Files.createDirectories(root.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("linked"), root.resolve("elsewhere"));
        for (String dir : List.of("../x", "modules/../../x", "/tmp/modules", "linked", "")) {
            NewModuleRequest request = new NewModuleRequest("okta-logs", null, null, dir, "java21", null, null, false);
            ScaffoldException e = assertThrows(ScaffoldException.class, () -> plan(request), dir);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        Files.createSymbolicLink(root.resolve("modules/okta-logs"), root.resolve("elsewhere"));
        assertEquals("modules/okta-logs is a symbolic link; slk does not write through links",
                assertThrows(ScaffoldException.class, () -> plan(request("okta-logs"))).getMessage());
        Files.delete(root.resolve("modules/okta-logs"));
        Files.delete(root.resolve("linked"));
        Files.delete(root.resolve("elsewhere"));
        assertEquals(before, tree());
    }

    @Test
    void aDirectoryWithoutAModulesPomIsRefused() {
        NewModuleRequest request = new NewModuleRequest("okta-logs", null, null, "plugins", "java21", null, null, false);
        assertEquals("plugins/pom.xml does not exist; --dir must name the directory whose pom.xml lists the "
                + "integration modules (default: modules)", assertThrows(ScaffoldException.class, () -> plan(request)).getMessage());
    }

    @Test
    void textThatWouldBreakTheGeneratedFilesIsRefused() {
        for (String name : List.of("Okta */ Logs", "Okta -- Logs", "{{x}}", "two\nlines", " ")) {
            NewModuleRequest request = new NewModuleRequest("okta-logs", name, null, null, "java21", null, null, false);
            ScaffoldException e = assertThrows(ScaffoldException.class, () -> plan(request), name);
            assertTrue(e.getMessage().startsWith("--name "), e.getMessage());
        }
    }

    @Test
    void forceReplacesGeneratedFilesAndKeepsTheAuthorsOwn() throws Exception {
        ScaffoldWriter.write(plan(request("okta-logs")));
        Path readme = root.resolve("modules/okta-logs/README.md");
        Path own = root.resolve("modules/okta-logs/NOTES.md");
        Files.writeString(readme, "edited");
        Files.writeString(own, "mine");
        ScaffoldPlan again = ModuleScaffolder.plan(Optional.of(workspace),
                new NewModuleRequest("okta-logs", null, null, null, "java21", null, null, true), CLOCK, Map.of());
        assertTrue(again.files().stream().allMatch(ScaffoldPlan.PlannedFile::overwrites));
        assertTrue(again.pom().isEmpty(), "already registered");
        ScaffoldWriter.write(again);
        assertTrue(Files.readString(readme).startsWith("<!-- Copyright"));
        assertEquals("mine", Files.readString(own));
    }

    @Test
    void aFailureAfterTheModuleIsWrittenUndoesEverything() throws Exception {
        List<String> before = tree();
        String pom = Files.readString(root.resolve("modules/pom.xml"));
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> ScaffoldWriter.write(plan(request("okta-logs")),
                () -> {
                    throw new IOException("disk full");
                }));
        assertTrue(e.getMessage().endsWith("java.io.IOException: disk full; nothing was changed"), e.getMessage());
        assertEquals(before, tree());
        assertEquals(pom, Files.readString(root.resolve("modules/pom.xml")));
    }

    @Test
    void aPomChangedSincePlanningIsNotOverwritten() throws Exception {
        ScaffoldPlan plan = plan(request("okta-logs"));
        Files.writeString(root.resolve("modules/pom.xml"), TestWorkspaces.MODULES_POM.replace("<modules>",
                "<modules>\n    <module>other</module>"));
        List<String> before = tree();
        assertEquals("modules/pom.xml changed while the module was being generated; run the command again",
                assertThrows(ScaffoldException.class, () -> ScaffoldWriter.write(plan)).getMessage());
        assertEquals(before, tree());
    }

    @Test
    void aTemplateVariableWithoutValueStopsGenerationNamingTemplateAndVariable() throws Exception {
        Path overlay = Files.createDirectories(root.resolve("my-templates/module/java21"));
        Files.writeString(overlay.resolve("README.md"), "# {{moduleName}}\n\nOwner: {{teamName}}\n");
        List<String> before = tree();
        NewModuleRequest request = new NewModuleRequest("okta-logs", null, null, null, "java21",
                root.resolve("my-templates"), null, false);
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> plan(request));
        assertEquals(overlay.resolve("README.md") + ":3: no value for template variable 'teamName'", e.getMessage());
        assertEquals(before, tree());
    }

    @Test
    void aFileNameTemplateThatRendersToAnUnsafePathIsRefused() throws Exception {
        Path overlay = Files.createDirectories(root.resolve("t/module/java21"));
        Files.writeString(overlay.resolve("{{copyrightHolder}}.txt"), "x");
        NewModuleRequest request = new NewModuleRequest("okta-logs", null, null, null, "java21", root.resolve("t"),
                "../../etc/cron.d/x", false);
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> plan(request));
        assertEquals(overlay.resolve("{{copyrightHolder}}.txt") + ": its file name renders to '../../etc/cron.d/x.txt', "
                + "which has the unsafe part '..'", e.getMessage());
        Files.delete(overlay.resolve("{{copyrightHolder}}.txt"));
        Files.writeString(overlay.resolve("{{moduleName}}.md"), "x");
        e = assertThrows(ScaffoldException.class, () -> plan(new NewModuleRequest("okta-logs", null, null, null,
                "java21", root.resolve("t"), null, false)));
        assertTrue(e.getMessage().endsWith("which has the unsafe part 'Okta Logs.md'"), e.getMessage());
    }

    @Test
    void aDryRunOutsideAWorkspacePlansWithoutADisk() throws Exception {
        ScaffoldPlan plan = ModuleScaffolder.plan(Optional.empty(), request("okta-logs"), CLOCK, Map.of());
        assertTrue(plan.root().isEmpty());
        assertTrue(plan.pom().isEmpty());
        assertTrue(text(plan, "modules/okta-logs/pom.xml").contains("<artifactId>slk-modules</artifactId>"));
        assertTrue(text(plan, "modules/okta-logs/README.md").contains("Copyright (c) 2031 the module's authors"));
    }
}
