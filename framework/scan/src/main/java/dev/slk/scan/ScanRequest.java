package dev.slk.scan;

import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.scan.git.GitScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What to scan.
 *
 * @param workspace the working directory; paths in findings are relative to it
 * @param targets files or directories to scan for secrets
 * @param moduleDirectories module directories whose dependencies are checked for pinning
 * @param cdkOut the cloud assembly to check, or null to skip the infrastructure rules
 * @param moduleFilter when not null, keep only infrastructure findings of this module
 * @param maxFileBytes larger files are skipped with a notice
 * @param git what of the workspace's git repository is scanned besides (history) or instead of
 *     (the index) the targets
 */
public record ScanRequest(
        Path workspace,
        List<Path> targets,
        List<Path> moduleDirectories,
        Path cdkOut,
        String moduleFilter,
        long maxFileBytes,
        GitScope git) {

    /** Default limit on the size of a scanned file. */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** Copies the lists. */
    public ScanRequest {
        targets = List.copyOf(targets);
        moduleDirectories = List.copyOf(moduleDirectories);
        git = git == null ? new GitScope.WorkTree() : git;
    }

    /** A request that reads no git repository: the targets as they are on disk. */
    public ScanRequest(Path workspace, List<Path> targets, List<Path> moduleDirectories, Path cdkOut,
            String moduleFilter, long maxFileBytes) {
        this(workspace, targets, moduleDirectories, cdkOut, moduleFilter, maxFileBytes, new GitScope.WorkTree());
    }

    /**
     * @param paths the workspace
     * @param maxFileBytes the largest file scanned
     * @return the default scan: the whole workspace as it is on disk, its modules' dependencies and
     *     its cloud assembly
     * @throws IOException when the modules directory cannot be listed
     */
    public static ScanRequest wholeWorkspace(WorkspacePaths paths, long maxFileBytes) throws IOException {
        return wholeWorkspace(paths, maxFileBytes, new GitScope.WorkTree());
    }

    /**
     * @param paths the workspace
     * @param maxFileBytes the largest file scanned
     * @param git what of the git repository is scanned besides the files
     * @return the whole workspace, its modules' dependencies and its cloud assembly
     * @throws IOException when the modules directory cannot be listed
     */
    public static ScanRequest wholeWorkspace(WorkspacePaths paths, long maxFileBytes, GitScope git) throws IOException {
        List<Path> modules = List.of();
        if (Files.isDirectory(paths.modulesDirectory())) {
            try (Stream<Path> dirs = Files.list(paths.modulesDirectory())) {
                modules = dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
            }
        }
        return new ScanRequest(paths.root(), List.of(paths.root()), modules, paths.assembly(), null, maxFileBytes, git);
    }

    /**
     * @param workspace the working directory, inside a git repository
     * @param maxFileBytes larger files are skipped with a notice
     * @return a request to scan exactly the files the index holds that differ from HEAD
     */
    public static ScanRequest staged(Path workspace, long maxFileBytes) {
        return new ScanRequest(workspace, List.of(), List.of(), null, null, maxFileBytes, new GitScope.Staged());
    }
}
