package dev.slk.scan.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temporary directory, written with JGit's porcelain, with fixed author dates. */
public final class TestRepository implements AutoCloseable {
    private final Git git;
    private final Path root;

    private TestRepository(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /** @return a new repository in {@code root}, with no commit yet */
    public static TestRepository init(Path root) throws GitAPIException {
        return new TestRepository(Git.init().setDirectory(root.toFile()).setInitialBranch("main").call(), root);
    }

    /** @return the work tree */
    public Path root() {
        return root;
    }

    /** Writes a file of the work tree (not staged). */
    public TestRepository write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    /** Deletes a file of the work tree (not staged). */
    public TestRepository delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    /** Stages every change of the work tree, deletions too. */
    public TestRepository stageAll() throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return this;
    }

    /** Stages one file. */
    public TestRepository stage(String path) throws GitAPIException {
        git.add().addFilepattern(path).call();
        return this;
    }

    /**
     * Stages everything and commits it.
     *
     * @param message the commit message
     * @param authorDate the author (and committer) date
     * @return the commit
     */
    public RevCommit commit(String message, Instant authorDate) throws GitAPIException {
        stageAll();
        return commitStaged(message, authorDate);
    }

    /** Commits what is staged. */
    public RevCommit commitStaged(String message, Instant authorDate) throws GitAPIException {
        PersonIdent who = new PersonIdent("Test Author", "author@example.com", authorDate, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    /** Creates a tag at HEAD. */
    public TestRepository tag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(false).call();
        return this;
    }

    @Override
    public void close() {
        git.close();
    }
}
