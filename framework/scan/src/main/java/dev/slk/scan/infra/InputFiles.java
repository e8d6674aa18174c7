package dev.slk.scan.infra;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Reads and finds the files the infrastructure rules check. */
final class InputFiles {
    /** Synthesized templates of a large app stay far below this; anything bigger is not a template. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Build output, downloaded packages and history are not the module's own files. */
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", ".git");

    private InputFiles() {
    }

    /** Raised with a message that names the problem but never quotes the content. */
    static final class UncheckableException extends Exception {
        UncheckableException(String message) {
            super(message);
        }
    }

    /**
     * @return the file as strict UTF-8 text, without a byte-order mark
     * @throws UncheckableException when it cannot be read, is too large or is not UTF-8
     */
    static String readUtf8(Path file) throws UncheckableException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UncheckableException("it is " + size + " bytes, more than the " + MAX_BYTES + " checked");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckableException("it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UncheckableException("it is not UTF-8 text");
        }
    }

    /**
     * @return the regular files under {@code root} whose name passes {@code name}, outside target/,
     *     node_modules/ and .git/ (which are pruned, not walked), sorted; links are not followed
     */
    static List<Path> findUnder(Path root, Predicate<String> name) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skipped = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && name.test(file.getFileName().toString())) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // An unreadable directory entry: check everything else rather than nothing.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Not reached with the visitor above, which never stops the walk; keep what was found.
        }
        found.sort(null);
        return found;
    }

    /** @return {@code prefix/relative} with '/' separators, or just {@code relative} when the prefix is empty */
    static String join(String prefix, Path relative) {
        String rel = relative.toString().replace('\\', '/');
        if (prefix == null || prefix.isEmpty()) {
            return rel;
        }
        String p = prefix.replace('\\', '/');
        return p.endsWith("/") ? p + rel : p + "/" + rel;
    }
}
