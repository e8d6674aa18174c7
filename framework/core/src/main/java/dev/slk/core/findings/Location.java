package dev.slk.core.findings;

/**
 * Where a finding is: a place in a file, a resource of a synthesized template (which also
 * has a place in its template file), or a place in a file of a commit in the git history.
 */
public sealed interface Location permits SourceLocation, ResourceLocation, CommitLocation {
    /** @return the file, relative to the workspace where it is inside it, with '/' separators */
    String file();

    /** @return line from 1, 0 when unknown */
    int line();

    /** @return column from 1, 0 when unknown */
    int column();
}
