package dev.slk.scan.git;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A file's content in the object database, and where it was found.
 *
 * @param id the blob's id
 * @param path the file's path relative to the workspace, with '/' separators
 * @param commit the commit of the history where the blob first appears, or null for a blob of
 *     the index
 */
public record GitBlob(ObjectId id, String path, Commit commit) {

    /** Checks that the id and path are present. */
    public GitBlob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
    }
}
