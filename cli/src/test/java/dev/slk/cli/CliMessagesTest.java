package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What slk says on stderr: one prefix per kind of message, picocli's words where they are right. */
class CliMessagesTest {
    @TempDir
    Path dir;

    @Test
    void usageErrorsAndUnreadableInputShareTheErrorPrefix() {
        Slk.Result usage = Slk.run(dir, "validate-config", "--config", "a.yaml", "--env", "prod");
        Slk.Result unreadable = Slk.run(dir, "validate-config", "--config", "missing.yaml");
        assertEquals(2, usage.exitCode());
        assertEquals(2, unreadable.exitCode());
        assertEquals("", usage.out() + unreadable.out());
        assertEquals("slk: error: choose the configuration one way: --config FILE, -c configFile=FILE or --env ENV\n"
                + "Try 'slk validate-config --help' for more information.\n", usage.err());
        assertTrue(unreadable.err().startsWith("slk: error: missing.yaml"), unreadable.err());
        assertEquals(1, unreadable.err().lines().count(), unreadable.err());
    }

    @Test
    void aRepeatedConfigFileContextIsRefusedLikeARepeatedConfig() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), Configs.MINIMAL);
        Files.writeString(dir.resolve("b.yaml"), Configs.MINIMAL);
        Slk.Result option = Slk.run(dir, "validate-config", "--config", "a.yaml", "--config", "b.yaml");
        Slk.Result context = Slk.run(dir, "validate-config", "-c", "configFile=a.yaml", "-c", "configFile=b.yaml");
        assertEquals(2, option.exitCode());
        assertEquals(2, context.exitCode());
        assertEquals("", option.out() + context.out());
        assertEquals("slk: error: option '--config' (FILE) should be specified only once\n"
                + "Try 'slk validate-config --help' for more information.\n", option.err());
        assertEquals("slk: error: option '-c configFile' (FILE) should be specified only once\n"
                + "Try 'slk validate-config --help' for more information.\n", context.err());
    }

    @Test
    void contextWithoutKeyAndValueNamesTheOptionOnce() {
        Slk.Result r = Slk.run(dir, "validate-config", "--context", "a.yaml");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("slk: error: -c 'a.yaml' is not KEY=VALUE, e.g. -c configFile=config.prod.yaml\n"
                + "Try 'slk validate-config --help' for more information.\n", r.err());
        assertFalse(r.err().contains("option option"), r.err());
    }

    @Test
    void theBundledExampleIsANote() {
        Slk.Result r = Slk.run(dir, "list-modules");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("slk: note: no config.yaml in " + dir.toAbsolutePath().normalize()
                + "; using the bundled example config (choose a file with --config FILE or --env ENV)\n", r.err());
    }

    @Test
    void generateCompletionHelpHasItsOwnFooter() {
        Slk.Result r = Slk.run(dir, "generate-completion", "--help");
        assertEquals(0, r.exitCode());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Usage: slk generate-completion"), r.out());
        assertTrue(r.out().endsWith("Load it in bash or zsh with: source <(slk generate-completion)\n"
                + "Exit codes: 0 printed, 2 usage error.\n"), r.out());
        assertFalse(r.out().contains("NO_COLOR") || r.out().contains("findings"), r.out());
    }

    @Test
    void controlAndDirectionCharactersInArgumentsAreEscapedInErrors() {
        Slk.Result env = Slk.run(dir, "validate-config", "--env", "pr\u202Eod");
        assertEquals(2, env.exitCode());
        assertEquals("", env.out());
        assertTrue(env.err().startsWith("slk: error: --env 'pr\\u202Eod' is not an environment name"), env.err());
        Slk.Result option = Slk.run(dir, "validate-config", "--fr\u001bmat");
        assertEquals(2, option.exitCode());
        assertTrue(option.err().startsWith("slk: error: Unknown option: '--fr\\u001Bmat'"), option.err());
        assertFalse(env.err().contains("\u202E") || option.err().contains("\u001b"), "escaped, never printed raw");
    }
}
