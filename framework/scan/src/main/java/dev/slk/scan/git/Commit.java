package dev.slk.scan.git;

import java.time.Instant;
import java.util.Objects;

/**
 * A commit of the history, as findings name it.
 *
 * @param id the full commit id, 40 hex characters
 * @param authorDate its author date
 * @param order its place in the walk, parents before children: where a finding is met first
 */
public record Commit(String id, Instant authorDate, int order) {

    /** Checks that the id and date are present. */
    public Commit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorDate, "authorDate");
    }
}
