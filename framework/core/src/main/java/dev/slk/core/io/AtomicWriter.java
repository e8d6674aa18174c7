package dev.slk.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one way slk writes a file or a directory tree: the new content is written beside the target
 * and renamed into place, so readers see the old target or the new one, never half of either.
 * Before anything is written the target is checked: it must be of the expected kind, its parent
 * must exist and be writable, and an existing target must be empty or something slk wrote (see
 * {@link Ownership}). Every refusal is an {@link OutputException} with one line.
 */
public final class AtomicWriter {
    private AtomicWriter() {
    }

    /**
     * Writes a whole file atomically.
     *
     * @param file where to write
     * @param display the path as the user wrote it, for messages
     * @param content the new content
     * @param ownership when an existing non-empty file may be replaced
     * @throws OutputException when the target is refused or cannot be written; it is then untouched
     */
    public static void writeFile(Path file, String display, String content, Ownership ownership) throws OutputException {
        writeFile(file, display, content.getBytes(StandardCharsets.UTF_8), ownership);
    }

    /**
     * @param file where to write
     * @param display the path as the user wrote it, for messages
     * @param content the new content
     * @param ownership when an existing non-empty file may be replaced
     * @throws OutputException when the target is refused or cannot be written; it is then untouched
     */
    public static void writeFile(Path file, String display, byte[] content, Ownership ownership) throws OutputException {
        Path target = checkFile(file, display, ownership);
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".slk-tmp");
            Files.write(temp, content);
            keepPermissions(target, temp);
            move(temp, target);
        } catch (IOException e) {
            throw failure(display, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Checks that a file may be written without writing it (for a plan that writes later).
     *
     * @return the absolute target
     * @throws OutputException when it would be refused
     */
    public static Path checkFile(Path file, String display, Ownership ownership) throws OutputException {
        Path target = file.toAbsolutePath().normalize();
        checkParent(target, display);
        if (Files.isDirectory(target)) {
            throw new OutputException(display + ": is a directory; name a file");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputException(display + ": is not a regular file (a symlink or device); slk will not replace it");
            }
            if (!Files.isWritable(target)) {
                throw new OutputException(display + ": permission denied");
            }
            try {
                if (Files.size(target) > 0 && !ownership.ownedBySlk(target)) {
                    throw new OutputException(display + ": exists and " + ownership.refusal()
                            + "; slk will not replace it (remove it or name another file)");
                }
            } catch (OutputException e) {
                throw e;
            } catch (IOException e) {
                throw failure(display, e);
            }
        }
        return target;
    }

    /**
     * Starts a directory tree that replaces {@code directory} in one rename when committed.
     *
     * @param directory the target directory
     * @param display the path as the user wrote it, for messages
     * @param marker the file slk writes into every such tree, by which it knows it later
     * @param ownership when an existing non-empty directory may be replaced (the marker is checked too)
     * @return the staged tree; close it to discard it unless committed
     * @throws OutputException when the target is refused or the staging directory cannot be made
     */
    public static StagedDirectory stageDirectory(Path directory, String display, String marker, Ownership ownership)
            throws OutputException {
        Path target = checkDirectory(directory, display, marker, ownership);
        try {
            Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".slk-stage-");
            return new StagedDirectory(target, display, staging, marker);
        } catch (IOException e) {
            throw failure(display, e);
        }
    }

    /**
     * Checks that a directory tree may be written in place of {@code directory}, without writing.
     *
     * @param directory the target directory
     * @param display the path as the user wrote it, for messages
     * @param marker the file slk writes into every such tree
     * @param ownership what else an existing non-empty directory must show to be slk's
     * @return the absolute target
     * @throws OutputException when it would be refused
     */
    public static Path checkDirectory(Path directory, String display, String marker, Ownership ownership)
            throws OutputException {
        Path target = directory.toAbsolutePath().normalize();
        checkParent(target, display);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        if (Files.isSymbolicLink(target)) {
            throw new OutputException(display + ": is a symbolic link; slk will not replace it");
        }
        if (!Files.isDirectory(target)) {
            throw new OutputException(display + ": exists and is not a directory");
        }
        try {
            if (!isEmpty(target) && !(Files.isRegularFile(target.resolve(marker), LinkOption.NOFOLLOW_LINKS)
                    && ownership.ownedBySlk(target))) {
                throw new OutputException(display + ": holds files and " + ownership.refusal()
                        + " (no " + marker + "); slk replaces only an empty directory or one it wrote");
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw failure(display, e);
        }
        return target;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void checkParent(Path target, String display) throws OutputException {
        Path parent = target.getParent();
        if (parent == null) {
            throw new OutputException(display + ": slk does not write at the file-system root");
        }
        if (!Files.exists(parent)) {
            throw new OutputException(display + ": the directory " + parent + " does not exist");
        }
        if (!Files.isDirectory(parent)) {
            throw new OutputException(display + ": " + parent + " is not a directory");
        }
        if (!Files.isWritable(parent)) {
            throw new OutputException(display + ": permission denied (cannot write in " + parent + ")");
        }
    }

    /**
     * Renames {@code from} to {@code to}, atomically where the file system can, replacing a file.
     *
     * @throws IOException when the rename fails
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes a tree that slk made (a staging or temporary directory); symbolic links are removed,
     * never followed.
     *
     * @param root the tree; nothing happens when it does not exist
     * @throws UncheckedIOException when part of it cannot be removed
     */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the new file's default permissions are all there is.
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A leftover temporary file is harmless; its name ends in .slk-tmp.
        }
    }

    static OutputException failure(String display, IOException e) {
        if (e instanceof OutputException output) {
            return output;
        }
        if (e instanceof AccessDeniedException) {
            return new OutputException(display + ": permission denied");
        }
        if (e instanceof NoSuchFileException) {
            return new OutputException(display + ": no such file or directory (" + e.getMessage() + ")");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new OutputException(display + ": cannot be written: " + message.lines().findFirst().orElse(""));
    }
}
