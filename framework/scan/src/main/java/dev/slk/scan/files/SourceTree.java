package dev.slk.scan.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the files of a source tree that the security scan reads: what git would track, more or
 * less. It honours {@code .gitignore} files and {@code .git/info/exclude}, skips build output
 * and dependency directories and files over a size limit, and follows symbolic links that stay
 * inside the tree. It reads no file content (but {@code .gitignore} files): binary files are told
 * from text where they are read, by the scan, so each file is opened once.
 */
public final class SourceTree {
    /** Directories never scanned, wherever they are: git metadata, build output, dependencies. */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", "cdk.out");

    private final Path realRoot;
    private final long maxFileBytes;
    private final Consumer<ScanFile> files;
    private final List<FileNotice> notices = new ArrayList<>();
    private final Set<Path> visitedDirectories = new HashSet<>();
    private final Set<Path> seenFiles = new HashSet<>();
    /** Links wait until the plain tree is walked, so a file is reported where it really is. */
    private final Queue<Link> links = new ArrayDeque<>();

    private record Link(Path path, String relativePath, IgnoreRules rules) {
    }

    /**
     * What a walk found.
     *
     * @param files the files to scan, sorted by relative path
     * @param notices files and directories skipped for a reason the user should know, sorted
     */
    public record Walk(List<ScanFile> files, List<FileNotice> notices) {

        /** Copies the lists. */
        public Walk {
            files = List.copyOf(files);
            notices = List.copyOf(notices);
        }
    }

    private SourceTree(Path realRoot, long maxFileBytes, Consumer<ScanFile> files) {
        this.realRoot = realRoot;
        this.maxFileBytes = maxFileBytes;
        this.files = files;
    }

    /**
     * Walks a tree, or takes a single file.
     *
     * @param root the directory to scan, or a single file (then named by its file name)
     * @param maxFileBytes larger files are skipped, with a notice, without being read
     * @return the files to scan and what the user should know about the others
     * @throws IOException when the root does not exist or cannot be read; problems below the
     *     root become notices
     */
    public static Walk walk(Path root, long maxFileBytes) throws IOException {
        List<ScanFile> found = new ArrayList<>();
        List<FileNotice> notices = walk(root, maxFileBytes, found::add);
        found.sort(Comparator.comparing(ScanFile::relativePath));
        return new Walk(found, notices);
    }

    /**
     * Walks a tree, or takes a single file, handing each file to scan to {@code files} as soon as
     * it is found, so that scanning can start while the walk goes on.
     *
     * @param root the directory to scan, or a single file (then named by its file name)
     * @param maxFileBytes larger files are skipped, with a notice, without being read
     * @param files receives the files to scan, in no particular order, on the calling thread
     * @return what the user should know about the files and directories skipped, sorted
     * @throws IOException when the root does not exist or cannot be read; problems below the
     *     root become notices
     */
    public static List<FileNotice> walk(Path root, long maxFileBytes, Consumer<ScanFile> files) throws IOException {
        if (maxFileBytes < 0) {
            throw new IllegalArgumentException("maxFileBytes must not be negative: " + maxFileBytes);
        }
        Path realRoot;
        BasicFileAttributes attributes;
        try {
            realRoot = root.toRealPath();
            attributes = Files.readAttributes(realRoot, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(root.toString(), null, "no such file or directory");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(root.toString(), null, "cannot be read: permission denied");
        }
        SourceTree tree = new SourceTree(realRoot, maxFileBytes, files);
        if (attributes.isRegularFile()) {
            if (!Files.isReadable(realRoot)) {
                throw new AccessDeniedException(root.toString(), null, "cannot be read: permission denied");
            }
            Path name = root.getFileName();
            tree.addFile(root, realRoot, name == null ? root.toString() : name.toString(), attributes.size());
        } else if (attributes.isDirectory()) {
            tree.walkRoot(root);
        } else {
            throw new FileSystemException(root.toString(), null, "is neither a file nor a directory");
        }
        tree.notices.sort(Comparator.comparing(FileNotice::relativePath).thenComparing(FileNotice::message));
        return List.copyOf(tree.notices);
    }

    private void walkRoot(Path root) throws IOException {
        List<Entry> entries;
        try {
            entries = list(root);
        } catch (IOException e) {
            throw new FileSystemException(root.toString(), null, "cannot be read: " + reason(e));
        }
        visitedDirectories.add(realRoot);
        IgnoreRules rules = IgnoreRules.NONE;
        Path exclude = root.resolve(".git").resolve("info").resolve("exclude");
        if (Files.isDirectory(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            rules = withIgnoreFile(rules, exclude, "", ".git/info/exclude");
        }
        rules = withIgnoreFile(rules, root.resolve(".gitignore"), "", ".gitignore");
        visitEntries(entries, realRoot, "", rules);
        while (!links.isEmpty()) {
            follow(links.remove());
        }
    }

    private void walkDirectory(Path directory, Path realDirectory, String relativePath, IgnoreRules parentRules) {
        if (!visitedDirectories.add(realDirectory)) {
            return;
        }
        List<Entry> entries;
        try {
            entries = list(directory);
        } catch (IOException e) {
            notices.add(new FileNotice(relativePath, "cannot be read: " + reason(e)));
            return;
        }
        // The listing tells whether there is a .gitignore: no look-up for the many directories without.
        IgnoreRules rules = parentRules;
        if (entries.stream().anyMatch(entry -> entry.name().equals(".gitignore"))) {
            rules = withIgnoreFile(parentRules, directory.resolve(".gitignore"), relativePath,
                    relativePath + "/.gitignore");
        }
        visitEntries(entries, realDirectory, relativePath, rules);
    }

    private void visitEntries(List<Entry> entries, Path realDirectory, String parentPath, IgnoreRules rules) {
        for (Entry listed : entries) {
            Path entry = listed.path();
            String name = listed.name();
            String relativePath = parentPath.isEmpty() ? name : parentPath + "/" + name;
            BasicFileAttributes attributes = listed.attributes();
            if (attributes == null) {
                notices.add(new FileNotice(relativePath, "cannot be read: " + reason(listed.error())));
                continue;
            }
            // A ".git" file (in a worktree or submodule) is git metadata as much as the directory.
            if (SKIPPED_DIRECTORIES.contains(name) && (!attributes.isRegularFile() || name.equals(".git"))) {
                continue;
            }
            Path realPath = realDirectory.resolve(name);
            if (attributes.isSymbolicLink()) {
                links.add(new Link(entry, relativePath, rules));
            } else if (attributes.isDirectory()) {
                if (!rules.ignored(relativePath, true)) {
                    walkDirectory(entry, realPath, relativePath, rules);
                }
            } else if (attributes.isRegularFile() && !rules.ignored(relativePath, false)) {
                addFile(entry, realPath, relativePath, attributes.size());
            }
            // Anything else (a FIFO, a socket, a device) has no source text, and opening it could block.
        }
    }

    private void follow(Link link) {
        Path target;
        try {
            target = link.path().toRealPath();
        } catch (NoSuchFileException e) {
            if (!link.rules().ignored(link.relativePath(), false)) {
                notices.add(new FileNotice(link.relativePath(), "skipped: broken symbolic link"));
            }
            return;
        } catch (IOException e) {
            if (!link.rules().ignored(link.relativePath(), false)) {
                notices.add(new FileNotice(link.relativePath(), "skipped: symbolic link cannot be resolved: "
                        + reason(e)));
            }
            return;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException e) {
            notices.add(new FileNotice(link.relativePath(), "cannot be read: " + reason(e)));
            return;
        }
        boolean directory = attributes.isDirectory();
        if (link.rules().ignored(link.relativePath(), directory)) {
            return;
        }
        if (!target.startsWith(realRoot)) {
            notices.add(new FileNotice(link.relativePath(), "skipped: symbolic link to a path outside the scanned root"));
            return;
        }
        if (inSkippedDirectory(realRoot.relativize(target), directory)) {
            return;
        }
        if (directory) {
            walkDirectory(link.path(), target, link.relativePath(), link.rules());
        } else if (attributes.isRegularFile()) {
            addFile(link.path(), target, link.relativePath(), attributes.size());
        }
    }

    private static boolean inSkippedDirectory(Path relativeTarget, boolean directory) {
        int directories = directory ? relativeTarget.getNameCount() : relativeTarget.getNameCount() - 1;
        for (int i = 0; i < directories; i++) {
            if (SKIPPED_DIRECTORIES.contains(relativeTarget.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }

    private void addFile(Path path, Path realPath, String relativePath, long size) {
        if (!seenFiles.add(realPath)) {
            return;
        }
        if (size > maxFileBytes) {
            notices.add(new FileNotice(relativePath, "skipped: " + ByteSizes.over(size, maxFileBytes)));
            return;
        }
        // A permission check, not an open: the scan opens each file once, when it reads it.
        if (!Files.isReadable(path)) {
            notices.add(new FileNotice(relativePath, "cannot be read: permission denied"));
            return;
        }
        files.accept(new ScanFile(path, relativePath));
    }

    private IgnoreRules withIgnoreFile(IgnoreRules rules, Path file, String base, String relativePath) {
        // Like git (since 2.32), a .gitignore that is a symbolic link is not read.
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return rules;
        }
        try {
            return TextDecoder.decode(Files.readAllBytes(file)).map(text -> rules.with(base, text)).orElse(rules);
        } catch (IOException e) {
            notices.add(new FileNotice(relativePath, "cannot be read, so its patterns are not applied: " + reason(e)));
            return rules;
        }
    }

    /**
     * A directory entry: its file name (taken once, not at every comparison of a sort) and its
     * own attributes (a symbolic link's, not its target's), or why they could not be read.
     */
    private record Entry(Path path, String name, BasicFileAttributes attributes, IOException error) {
    }

    private static List<Entry> list(Path directory) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            // Where the platform offers it, attributes are read relative to the open directory
            // (fstatat), which spares the kernel resolving every entry's whole path again.
            @SuppressWarnings("unchecked")
            SecureDirectoryStream<Path> secure = stream instanceof SecureDirectoryStream
                    ? (SecureDirectoryStream<Path>) stream : null;
            for (Path entry : stream) {
                Path name = entry.getFileName();
                try {
                    BasicFileAttributes attributes = secure == null
                            ? Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            : secure.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                                    .readAttributes();
                    entries.add(new Entry(entry, name.toString(), attributes, null));
                } catch (IOException e) {
                    entries.add(new Entry(entry, name.toString(), null, e));
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    /**
     * @param e why a file or directory could not be read
     * @return the reason in a few words, for a notice: "permission denied", ...
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it disappeared during the scan";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
