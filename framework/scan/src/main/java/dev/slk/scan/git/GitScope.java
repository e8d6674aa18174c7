package dev.slk.scan.git;

/**
 * What of the workspace's git repository a scan reads: nothing, its history as well as the work
 * tree, or the index instead of the work tree. Git content is read from the object database,
 * never from a checkout.
 */
public sealed interface GitScope permits GitScope.WorkTree, GitScope.History, GitScope.Staged {

    /** The work tree only (no git repository needed). */
    record WorkTree() implements GitScope {
    }

    /**
     * Every blob reachable from the repository's refs, on top of the work tree.
     *
     * @param since a revision ({@code v1.2}, {@code main~20}, a commit id) whose history is left
     *     out, or null for the whole history
     */
    record History(String since) implements GitScope {
    }

    /** The files the index holds that differ from HEAD: what the next commit would add. */
    record Staged() implements GitScope {
    }
}
