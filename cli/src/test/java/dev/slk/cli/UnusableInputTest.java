package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slk.core.testing.Configs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that would hang slk, exhaust its memory or be misnamed: each is one line on stderr,
 * exit 2, nothing on stdout, and nothing written.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnusableInputTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertRefused(String expectedErr, String... args) throws IOException {
        List<String> before = listing();
        Slk.Result r = Slk.run(dir, args);
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(expectedErr + "\n", r.err());
        assertEquals("", r.out());
        assertEquals(before, listing());
    }

    @Test
    void aCharacterDeviceIsRefusedWithoutBeingRead() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        assertRefused("slk: error: /dev/zero: is a character device, not a regular file; slk reads only regular files",
                "validate-config", "--config", "/dev/zero");
    }

    @Test
    void aLinkToADeviceIsRefusedNamingWhereItLeads() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Files.createSymbolicLink(dir.resolve("config.yaml"), Path.of("/dev/zero"));
        assertRefused("slk: error: config.yaml: is a character device (the link leads to /dev/zero), not a regular "
                + "file; slk reads only regular files", "validate-config");
    }

    @Test
    void aNamedPipeIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("f.yaml");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        // Opening a FIFO for reading blocks until a writer comes: reaching the assertions proves it was not opened.
        assertRefused("slk: error: f.yaml: is a named pipe (FIFO), not a regular file; slk reads only regular files",
                "validate-config", "--config", "f.yaml");
    }

    @Test
    void aSymbolicLinkLoopIsCalledALoop() throws IOException {
        Files.createSymbolicLink(dir.resolve("a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(dir.resolve("b.yaml"), Path.of("a.yaml"));
        assertRefused("slk: error: a.yaml: is a symbolic link loop", "validate-config", "--config", "a.yaml");
    }

    @Test
    void aDanglingLinkNamesItsMissingTarget() throws IOException {
        Files.createSymbolicLink(dir.resolve("c.yaml"), Path.of("gone.yaml"));
        assertRefused("slk: error: c.yaml: is a symbolic link to " + dir.resolve("gone.yaml")
                + ", which does not exist", "validate-config", "--config", "c.yaml");
    }

    @Test
    void utf16IsCalledUtf16ThatMustBeUtf8() throws IOException {
        Files.write(dir.resolve("bom.yaml"), Configs.MINIMAL.getBytes(StandardCharsets.UTF_16));
        Files.write(dir.resolve("le.yaml"), Configs.MINIMAL.getBytes(StandardCharsets.UTF_16LE));
        assertRefused("slk: error: bom.yaml: is UTF-16BE (with a byte-order mark) text; slk reads UTF-8 only: save "
                + "the file as UTF-8 (e.g. iconv -f UTF-16BE -t UTF-8)", "validate-config", "--config", "bom.yaml");
        assertRefused("slk: error: le.yaml: is UTF-16LE text; slk reads UTF-8 only: save the file as UTF-8 "
                + "(e.g. iconv -f UTF-16LE -t UTF-8)", "validate-config", "--config", "le.yaml");
    }

    @Test
    void controlCharactersInAFileNameAreEscaped() throws IOException {
        assertRefused("slk: error: a\\u001B[31mb.yaml: no such file", "validate-config", "--config", "a\u001b[31mb.yaml");
    }

    @Test
    void aControlCharacterInTheTextIsLocatedAndNamed() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), "projectName: demo\nenvironment: \"d\u001bv\"\n");
        assertRefused("slk: error: c.yaml:2:16: contains the character U+001B, which YAML does not allow; remove it or "
                + "write it as an escape in a double-quoted string", "validate-config", "--config", "c.yaml");
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }
}
