package dev.slk.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory tree being written beside its target (see {@link AtomicWriter#stageDirectory}).
 * {@link #commit()} writes slk's marker and puts the tree in place of the target; closing an
 * uncommitted tree deletes it, so a failed write leaves the old target as it was.
 */
public final class StagedDirectory implements AutoCloseable {
    private final Path target;
    private final String display;
    private final Path staging;
    private final String marker;
    private boolean committed;

    StagedDirectory(Path target, String display, Path staging, String marker) {
        this.target = target;
        this.display = display;
        this.staging = staging;
        this.marker = marker;
    }

    /** @return the directory to write into */
    public Path staging() {
        return staging;
    }

    /** @return the absolute target */
    public Path target() {
        return target;
    }

    /**
     * Puts the staged tree in place of the target; the previous target (slk's, as checked when
     * staging began) is removed only after the new one is in place.
     *
     * @param markerContent what the marker file says (e.g. the slk version)
     * @throws OutputException when the rename fails; the old target is then restored
     */
    public void commit(String markerContent) throws OutputException {
        try {
            Files.writeString(staging.resolve(marker), markerContent);
            openUp();
            Path previous = null;
            if (Files.exists(target)) {
                previous = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".slk-old-");
                Files.delete(previous);
                AtomicWriter.move(target, previous);
            }
            try {
                AtomicWriter.move(staging, target);
            } catch (IOException e) {
                if (previous != null) {
                    AtomicWriter.move(previous, target);
                }
                throw e;
            }
            committed = true;
            AtomicWriter.deleteTree(previous);
        } catch (IOException e) {
            throw AtomicWriter.failure(display, e);
        }
    }

    /** A temporary directory is private (0700); the tree takes the old target's mode or a usual one. */
    private void openUp() throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rwxr-xr-x");
            Files.setPosixFilePermissions(staging, mode);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: there is no mode to keep.
        }
    }

    @Override
    public void close() {
        if (!committed) {
            AtomicWriter.deleteTree(staging);
        }
    }
}
