package dev.slk.scan.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The git repository that holds a workspace, read through JGit from its object database: the
 * blobs of its history and of its index, never a checkout. Paths are relative to the workspace,
 * which may be a directory inside the repository; files outside it are left out, as the work
 * tree scan leaves them out.
 */
public final class GitRepository implements AutoCloseable {
    private final Repository repository;
    /** The workspace relative to the repository's top directory, with a trailing '/'; "" at the top. */
    private final String prefix;

    private GitRepository(Repository repository, String prefix) {
        this.repository = repository;
        this.prefix = prefix;
    }

    /**
     * @param workspace the workspace directory
     * @return the repository that holds it
     * @throws NotARepositoryException when no repository holds it (or it is a bare one)
     * @throws IOException when the repository cannot be read
     */
    public static GitRepository of(Path workspace) throws IOException {
        Path dir = workspace.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            throw new NotARepositoryException(dir + " is not in a git repository");
        }
        Repository repository = builder.setMustExist(true).build();
        if (repository.isBare()) {
            repository.close();
            throw new NotARepositoryException(dir + " is in a bare git repository (no work tree)");
        }
        Path top = repository.getWorkTree().toPath().toRealPath();
        Path real = dir.toRealPath();
        String relative = real.startsWith(top) ? top.relativize(real).toString().replace(File.separatorChar, '/') : "";
        return new GitRepository(repository, relative.isEmpty() ? "" : relative + "/");
    }

    /** No git repository holds the workspace. */
    public static final class NotARepositoryException extends IOException {
        private static final long serialVersionUID = 1L;

        NotARepositoryException(String message) {
            super(message);
        }
    }

    /**
     * What a walk of the history found.
     *
     * @param blobs every blob reachable from the commits walked, once, each with the commit and
     *     path where it first appears, in walk order (parents before children)
     * @param commits how many commits were walked
     */
    public record History(List<GitBlob> blobs, int commits) {

        /** Copies the list. */
        public History {
            blobs = List.copyOf(blobs);
        }
    }

    /**
     * Walks the commits reachable from every ref (branches, tags, remote-tracking branches, the
     * stash, HEAD) from the oldest, and takes each blob id the first time a commit's tree holds
     * it. A tree already walked is not walked again, so an unchanged directory costs one lookup.
     *
     * @param since a revision whose commits, and the blobs its tree holds, are left out; or null
     * @return the blobs, each once
     * @throws IOException when the repository cannot be read, or {@code since} names no commit
     */
    public History history(String since) throws IOException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            for (Ref ref : repository.getRefDatabase().getRefs()) {
                markStart(walk, ref.getObjectId());
            }
            markStart(walk, repository.resolve(Constants.HEAD));
            Seen seen = new Seen();
            if (since != null) {
                RevCommit base = walk.parseCommit(resolveCommit(since));
                walk.markUninteresting(base);
                // Blobs the base already holds are not new: walk its tree without taking them.
                List<GitBlob> ignored = new ArrayList<>();
                walkCommitTree(reader, base, null, seen, ignored);
            }
            List<GitBlob> blobs = new ArrayList<>();
            int commits = 0;
            for (RevCommit commit : walk) {
                Commit c = new Commit(commit.name(), commit.getAuthorIdent().getWhenAsInstant(), commits++);
                walkCommitTree(reader, commit, c, seen, blobs);
            }
            return new History(blobs, commits);
        }
    }

    private ObjectId resolveCommit(String revision) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
            id = null;
        }
        if (id == null) {
            throw new IOException("--since " + revision + ": no such commit in " + repository.getWorkTree());
        }
        return id;
    }

    private static void markStart(RevWalk walk, AnyObjectId id) throws IOException {
        if (id == null) {
            return;
        }
        RevObject object;
        try {
            object = walk.parseAny(id);
            while (object instanceof RevTag tag) {
                object = walk.parseAny(tag.getObject());
            }
        } catch (MissingObjectException e) {
            return; // a ref to an object a shallow or partial clone does not have
        }
        if (object instanceof RevCommit commit) {
            walk.markStart(commit);
        }
    }

    /** The trees and blobs met so far, by id. */
    private static final class Seen {
        final Set<ObjectId> trees = new HashSet<>();
        final Set<ObjectId> blobs = new HashSet<>();
    }

    private void walkCommitTree(ObjectReader reader, RevCommit commit, Commit origin, Seen seen, List<GitBlob> out)
            throws IOException {
        ObjectId root = commit.getTree();
        if (!prefix.isEmpty()) {
            try (TreeWalk sub = TreeWalk.forPath(reader, prefix.substring(0, prefix.length() - 1), root)) {
                if (sub == null || sub.getFileMode(0) != FileMode.TREE) {
                    return;
                }
                root = sub.getObjectId(0);
            }
        }
        walkTree(reader, root, "", origin, seen, out);
    }

    private static void walkTree(ObjectReader reader, ObjectId tree, String base, Commit origin, Seen seen,
            List<GitBlob> out) throws IOException {
        if (!seen.trees.add(tree.copy())) {
            return;
        }
        CanonicalTreeParser entries = new CanonicalTreeParser(null, reader, tree);
        for (; !entries.eof(); entries.next()) {
            int mode = entries.getEntryRawMode();
            if (FileMode.TREE.equals(mode)) {
                walkTree(reader, entries.getEntryObjectId(), base + entries.getEntryPathString() + "/", origin, seen,
                        out);
            } else if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
                ObjectId blob = entries.getEntryObjectId();
                if (seen.blobs.add(blob) && origin != null) {
                    out.add(new GitBlob(blob, base + entries.getEntryPathString(), origin));
                }
            }
            // Symbolic links hold a path, and submodules a commit of another repository: no content here.
        }
    }

    /**
     * @return the files of the index (stage 0) under the workspace whose content differs from
     *     HEAD's, or all of them before the first commit: what the next commit adds
     * @throws IOException when the index or HEAD cannot be read
     */
    public List<GitBlob> staged() throws IOException {
        DirCache index = repository.readDirCache();
        ObjectId head = repository.resolve(Constants.HEAD + "^{tree}");
        List<GitBlob> blobs = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.setRecursive(true);
            walk.addTree(new DirCacheIterator(index));
            if (head != null) {
                walk.addTree(head);
            }
            TreeFilter changed = head == null ? TreeFilter.ALL : TreeFilter.ANY_DIFF;
            walk.setFilter(prefix.isEmpty() ? changed
                    : org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
                            PathFilter.create(prefix.substring(0, prefix.length() - 1)), changed));
            while (walk.next()) {
                int mode = walk.getRawMode(0);
                if (FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode)) {
                    blobs.add(new GitBlob(walk.getObjectId(0), walk.getPathString().substring(prefix.length()), null));
                }
            }
        }
        return blobs;
    }

    /** @return a reader of the object database, for one thread */
    public ObjectReader newReader() {
        return repository.newObjectReader();
    }

    /** @return the directory holding the hooks git runs: {@code core.hooksPath}, else {@code .git/hooks} */
    public Path hooksDirectory() {
        String configured = repository.getConfig().getString("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return path.isAbsolute() ? path : repository.getWorkTree().toPath().resolve(path);
        }
        return repository.getCommonDirectory().toPath().resolve("hooks");
    }

    @Override
    public void close() {
        repository.close();
    }
}
