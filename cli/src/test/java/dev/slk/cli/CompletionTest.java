package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.workspace.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Completion: files for path options, values for enum options, the workspace's environments for --env. */
class CompletionTest {
    @TempDir
    Path root;

    @BeforeEach
    void workspaceWithTwoEnvironments() throws Exception {
        Files.writeString(root.resolve(Workspace.MARKER), "");
        for (String name : List.of("config.prod.yaml", "config.dev.yaml", "config.example.yaml", "config.Bad.yaml")) {
            Files.writeString(root.resolve(name), "projectName: demo\n");
        }
        Files.createDirectories(root.resolve("templates/module"));
    }

    /** picocli's candidates for the last word of {@code words}, as a JLine shell would ask. */
    private List<String> candidates(Path workingDirectory, String... words) {
        CliContext context = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                workingDirectory, Map.of(), Slk::testModules);
        CommandLine commandLine = SlkCommandLine.create(context);
        List<CharSequence> found = new ArrayList<>();
        String last = words[words.length - 1];
        AutoComplete.complete(commandLine.getCommandSpec(), words, words.length - 1, last.length(), 0, found);
        List<String> whole = new ArrayList<>();
        found.forEach(c -> whole.add(last + c));
        whole.sort(null);
        return whole;
    }

    @Test
    void envCompletesTheEnvironmentsOfTheWorkspaceFromAnyDirectoryInIt() throws Exception {
        Path deep = Files.createDirectories(root.resolve("modules/okta-logs/src"));
        assertEquals(List.of("dev", "prod"), candidates(deep, "validate-config", "--env", ""));
        assertEquals(List.of("prod"), candidates(root, "synth", "--env", "p"));
    }

    @Test
    void failOnAndFormatCompleteTheirValuesInLowerCase() {
        assertEquals(List.of("critical", "high", "low", "medium"), candidates(root, "security-scan", "--fail-on", ""));
        assertEquals(List.of("json", "junit", "sarif", "text"), candidates(root, "security-scan", "--format", ""));
    }

    @Test
    void listEnvironmentsPrintsTheWorkspacesEnvironmentsWithoutTheExample() {
        Slk.Result r = Slk.run(root.resolve("templates"), "list-environments");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("dev\nprod\n", r.out());
        assertEquals("", r.err());
        Slk.Result json = Slk.run(root.resolve("templates"), "list-environments", "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals("[\"dev\",\"prod\"]\n", json.out());
    }

    @Test
    void theGeneratedScriptCompletesFilesEnvironmentsAndValues() throws Exception {
        Slk.Result generated = Slk.run(root, "generate-completion");
        assertEquals(0, generated.exitCode(), generated.err());
        assertEquals("", generated.err());
        Path script = Files.writeString(root.resolve("slk-completion.bash"), generated.out());
        assertEquals(List.of("config.dev.yaml"), complete(script, "validate-config", "--config", "config.d"));
        assertEquals(List.of("dev", "prod"), complete(script, "validate-config", "--env", ""));
        assertEquals(List.of("dev"), complete(script, "synth", "--env", "d"));
        assertEquals(List.of("high"), complete(script, "security-scan", "--fail-on", "h"));
        assertEquals(List.of("templates"), complete(script, "new-module", "x", "--templates", "tem"));
        assertEquals(List.of("templates"), complete(script, "new-module", "x", "--dir", "tem"));
    }

    /**
     * Runs the script's completion function in bash on {@code slk WORDS...}, with {@code slk}
     * being this build (the test JVM's class path), and returns what it offers.
     */
    private List<String> complete(Path script, String... words) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder line = new StringBuilder("slk");
        StringBuilder array = new StringBuilder("slk");
        for (String w : words) {
            line.append(' ').append(w);
            array.append(" '").append(w).append('\'');
        }
        String program = "slk() { '" + java + "' -cp \"$SLK_TEST_CP\" dev.slk.cli.Main \"$@\"; }\n"
                + "source '" + script + "'\n"
                // Outside a real completion bash refuses compopt; what it would set is not under test.
                + "compopt() { :; }\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + words.length + "\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_slk\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        ProcessBuilder bash = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program).directory(root.toFile());
        bash.environment().put("SLK_TEST_CP", System.getProperty("java.class.path"));
        bash.environment().remove(Workspace.ENV);
        bash.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = bash.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
        List<String> offered = new ArrayList<>(out.lines().filter(l -> !l.isEmpty()).toList());
        offered.sort(null);
        return offered;
    }
}
