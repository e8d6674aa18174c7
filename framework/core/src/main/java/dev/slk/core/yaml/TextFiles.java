package dev.slk.core.yaml;

import dev.slk.core.findings.SourceLocation;
import dev.slk.core.text.Echo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the YAML and JSON files slk is given (configuration, baselines, module schemas) as strict
 * UTF-8 text, refusing what is not one. Only regular files are opened, and never more than
 * {@link #MAX_BYTES} of them is read: a device such as {@code /dev/zero} or a named pipe would
 * otherwise exhaust memory or block forever.
 */
public final class TextFiles {
    /** Larger files are refused before they are read. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Links followed before a chain counts as a loop (Linux's own limit). */
    private static final int MAX_LINKS = 40;

    private TextFiles() {
    }

    /**
     * @param file the file
     * @param displayName the name to use in messages (as the user wrote it)
     * @return the text, without a byte-order mark
     * @throws UnreadableInputException when the file is missing, a directory, not a regular file,
     *     unreadable, larger than {@link #MAX_BYTES}, binary or not UTF-8
     */
    public static String readUtf8(Path file, String displayName) throws UnreadableInputException {
        return decode(readBounded(file, displayName), displayName);
    }

    /**
     * Reads at most {@link #MAX_BYTES} of a regular file. The file's type is taken from its
     * attributes before it is opened, so a named pipe is never opened (opening one for reading
     * blocks until a writer comes) and a device is never read.
     *
     * @param file the file; links are followed
     * @param displayName the name to use in messages
     * @return its bytes
     * @throws UnreadableInputException when it is not a regular file of at most {@link #MAX_BYTES}
     */
    public static byte[] readBounded(Path file, String displayName) throws UnreadableInputException {
        SourceLocation where = SourceLocation.ofFile(Echo.escape(displayName));
        BasicFileAttributes attributes = regularFile(file, where);
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(where, attributes.size());
        }
        try (InputStream in = Files.newInputStream(file)) {
            // The size can change between the check and the read; never hold more than the limit.
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(where, bytes.length);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(where, "no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException(where, "permission denied");
        } catch (IOException e) {
            throw new UnreadableInputException(where, "cannot be read: " + Echo.text(e.getMessage()));
        }
    }

    private static UnreadableInputException tooLarge(SourceLocation where, long size) {
        return new UnreadableInputException(where, "is " + (size > MAX_BYTES ? "over " + MAX_BYTES : size)
                + " bytes; the files slk reads are limited to " + MAX_BYTES + " bytes (10 MiB)");
    }

    private static BasicFileAttributes regularFile(Path file, SourceLocation where) throws UnreadableInputException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException(where, "permission denied");
        } catch (IOException e) {
            throw new UnreadableInputException(where, missing(file, e));
        }
        if (attributes.isDirectory()) {
            throw new UnreadableInputException(where, "is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            String via = "";
            try {
                via = Files.isSymbolicLink(file) ? " (the link leads to " + Echo.escape(file.toRealPath().toString()) + ")" : "";
            } catch (IOException e) {
                // The kind alone is still worth saying.
            }
            throw new UnreadableInputException(where, "is " + kind(file)
                    + via + ", not a regular file; slk reads only regular files");
        }
        return attributes;
    }

    /** Why a file whose attributes cannot be read is not there: a loop, a dangling link, or absent. */
    private static String missing(Path file, IOException e) {
        Path current = file;
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (int i = 0; i <= MAX_LINKS && Files.isSymbolicLink(current); i++) {
            if (!seen.add(current.toAbsolutePath().normalize())) {
                return "is a symbolic link loop";
            }
            try {
                Path target = Files.readSymbolicLink(current);
                current = current.resolveSibling(target);
            } catch (IOException | UnsupportedOperationException unreadable) {
                break;
            }
        }
        if (seen.size() > MAX_LINKS || e.getMessage() != null && e.getMessage().contains("levels of symbolic links")) {
            return "is a symbolic link loop (or a chain of more than " + MAX_LINKS + " links)";
        }
        if (!seen.isEmpty()) {
            return "is a symbolic link to " + Echo.escape(current.toString()) + ", which does not exist";
        }
        return e instanceof NoSuchFileException ? "no such file" : "cannot be read: " + Echo.text(e.getMessage());
    }

    /** Names the kind of a file that is neither regular nor a directory, from its mode bits. */
    private static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
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
        displayName = Echo.escape(displayName);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String wide = wideEncoding(bytes);
        if (wide != null) {
            throw new UnreadableInputException(SourceLocation.ofFile(displayName), "is " + wide
                    + " text; slk reads UTF-8 only: save the file as UTF-8 (e.g. iconv -f " + wide.split(" ")[0]
                    + " -t UTF-8)");
        }
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

    /**
     * Recognises UTF-16 and UTF-32 by their byte-order mark, or, without one, by ASCII text whose
     * every other byte (or three bytes in four) is zero.
     *
     * @return e.g. {@code UTF-16LE}, or null for content that is neither
     */
    static String wideEncoding(byte[] b) {
        int n = b.length;
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return "UTF-32BE (with a byte-order mark)";
        }
        if (n >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32LE (with a byte-order mark)";
        }
        if (n >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return "UTF-16BE (with a byte-order mark)";
        }
        if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return "UTF-16LE (with a byte-order mark)";
        }
        int sample = Math.min(n, 512) & ~3;
        if (sample < 4) {
            return null;
        }
        int[] zeros = new int[4];
        for (int i = 0; i < sample; i++) {
            if (b[i] == 0) {
                zeros[i & 3]++;
            }
        }
        int quarter = sample / 4;
        if (zeros[1] == quarter && zeros[2] == quarter && zeros[3] == quarter && zeros[0] == 0) {
            return "UTF-32LE";
        }
        if (zeros[0] == quarter && zeros[1] == quarter && zeros[2] == quarter && zeros[3] == 0) {
            return "UTF-32BE";
        }
        int even = zeros[0] + zeros[2];
        int odd = zeros[1] + zeros[3];
        int half = sample / 2;
        // Mostly-ASCII UTF-16: nearly every high byte is zero, almost no low byte is.
        if (odd * 10 >= half * 9 && even * 10 < half) {
            return "UTF-16LE";
        }
        if (even * 10 >= half * 9 && odd * 10 < half) {
            return "UTF-16BE";
        }
        return null;
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
