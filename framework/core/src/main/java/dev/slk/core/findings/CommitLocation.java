package dev.slk.core.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in a file as a commit of the repository's history holds it: where a finding of a
 * history scan first appears, which may no longer be in the work tree.
 *
 * @param source the file (as committed, relative to the workspace) and the place in it
 * @param commit the full id (40 hex characters) of the commit where the content first appears
 * @param authorDate the commit's author date
 */
public record CommitLocation(SourceLocation source, String commit, Instant authorDate) implements Location {

    /** Checks the invariants. */
    public CommitLocation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(authorDate, "authorDate");
    }

    @Override
    public String file() {
        return source.file();
    }

    @Override
    public int line() {
        return source.line();
    }

    @Override
    public int column() {
        return source.column();
    }

    /** @return the commit's abbreviated id, 12 hex characters, as reports print it */
    public String shortCommit() {
        return commit.substring(0, Math.min(12, commit.length()));
    }

    /**
     * @return {@code file:line:column in commit 0123456789ab (2026-11-02)}: the place first, as
     *     for a file, then the commit that {@code git show COMMIT:FILE} reads it from, and its date
     */
    @Override
    public String toString() {
        return source + " in commit " + shortCommit() + " (" + authorDate.toString().substring(0, 10) + ")";
    }
}
