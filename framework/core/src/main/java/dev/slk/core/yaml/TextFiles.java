package dev.slk.core.yaml;

import dev.slk.core.findings.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a configuration file as strict UTF-8 text, refusing what is not one. */
public final class TextFiles {
    /** Larger files are refused before they are read. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private TextFiles() {
    }

    /**
     * @param file the file
     * @param displayName the name to use in messages (as the user wrote it)
     * @return the text, without a byte-order mark
     * @throws UnreadableInputException when the file is missing, a directory, unreadable,
     *     larger than {@link #MAX_BYTES}, binary or not UTF-8
     */
    public static String readUtf8(Path file, String displayName) throws UnreadableInputException {
        SourceLocation where = SourceLocation.ofFile(displayName);
        if (Files.isDirectory(file)) {
            throw new UnreadableInputException(where, "is a directory, not a file");
        }
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                throw new UnreadableInputException(where, "no such file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UnreadableInputException(where, "is " + size + " bytes; configuration files are limited to "
                        + MAX_BYTES + " bytes (10 MiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(where, "no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException(where, "permission denied");
        } catch (IOException e) {
            throw new UnreadableInputException(where, "cannot be read: " + e.getMessage());
        }
        return decode(bytes, displayName);
    }

    /**
     * Decodes strict UTF-8, locating the first offending byte.
     *
     * @param bytes the content
     * @param displayName the name to use in messages
     * @return the text, without a byte-order mark
     * @throws UnreadableInputException when the content is binary or not UTF-8
     */
    public static String decode(byte[] bytes, String displayName) throws UnreadableInputException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new UnreadableInputException(locate(bytes, start, i, displayName),
                        "contains a NUL byte: this is a binary file, not YAML text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            throw new UnreadableInputException(locate(bytes, start, bad, displayName), String.format(
                    "is not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", bytes[bad] & 0xff, bad));
        }
    }

    private static int firstInvalidUtf8(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length - 1;
    }

    /** Line and column (in characters) of a byte offset, counting only the valid prefix. */
    private static SourceLocation locate(byte[] bytes, int start, int offset, String displayName) {
        int line = 1;
        int column = 1;
        for (int i = start; i < offset; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++;
            }
        }
        return new SourceLocation(displayName, line, column);
    }
}
