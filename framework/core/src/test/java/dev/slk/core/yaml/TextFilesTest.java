package dev.slk.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsUtf8AndDropsTheByteOrderMark() throws Exception {
        Path file = dir.resolve("c.yaml");
        byte[] text = "a: é\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);
        assertEquals("a: é\n", TextFiles.readUtf8(file, "c.yaml"));
    }

    @Test
    void refusesADirectory() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> TextFiles.readUtf8(dir, "d"));
        assertEquals("d: is a directory, not a file", e.getMessage());
    }

    @Test
    void refusesAMissingFile() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class,
                () -> TextFiles.readUtf8(dir.resolve("none.yaml"), "none.yaml"));
        assertEquals("none.yaml: no such file", e.getMessage());
    }

    @Test
    void refusesAFileOver10MiBWithoutReadingIt() throws Exception {
        Path file = dir.resolve("big.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(TextFiles.MAX_BYTES + 1);
        }
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> TextFiles.readUtf8(file, "big.yaml"));
        assertTrue(e.getMessage().contains("10 MiB"), e.getMessage());
    }

    @Test
    void refusesLatin1WithThePositionOfTheBadByte() throws Exception {
        Path file = dir.resolve("l.yaml");
        Files.write(file, "a: 1\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> TextFiles.readUtf8(file, "l.yaml"));
        assertEquals(2, e.location().line());
        assertEquals(10, e.location().column());
        assertTrue(e.getMessage().contains("not valid UTF-8 (byte 0xE9"), e.getMessage());
    }

    @Test
    void refusesBinaryContent() throws Exception {
        Path file = dir.resolve("b.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', 0, 1, 2});
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> TextFiles.readUtf8(file, "b.yaml"));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }
}
