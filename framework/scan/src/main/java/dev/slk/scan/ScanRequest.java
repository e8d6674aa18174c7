package dev.slk.scan;

import dev.slk.core.findings.SourceLocation;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.scan.git.GitScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * @param paths the workspace
     * @param module the module's id
     * @param infra whether to check the module's dependencies and its resources in the cloud assembly
     * @param maxFileBytes the largest file scanned
     * @return the module's directory, and (with infra) its dependencies and its infrastructure findings
     * @throws UnreadableInputException when the workspace has no directory for the module
     */
    public static ScanRequest module(WorkspacePaths paths, String module, boolean infra, long maxFileBytes)
            throws UnreadableInputException {
        Path dir = paths.moduleDirectory(module);
        if (!Files.isDirectory(dir)) {
            throw new UnreadableInputException(SourceLocation.ofFile(paths.display(dir)), "no such module directory");
        }
        return new ScanRequest(paths.root(), List.of(dir), infra ? List.of(dir) : List.of(),
                infra ? paths.assembly() : null, module, maxFileBytes);
    }

    /**
     * @param paths the workspace; findings are relative to its working directory
     * @param given files or directories the user named, as they wrote them
     * @param maxFileBytes the largest file scanned
     * @return those files, for secrets only (no infrastructure rules)
     * @throws UnreadableInputException at the first that does not exist
     */
    public static ScanRequest files(WorkspacePaths paths, List<Path> given, long maxFileBytes)
            throws UnreadableInputException {
        List<Path> scanned = new ArrayList<>();
        for (Path p : given) {
            Path resolved = paths.resolve(p);
            if (!Files.exists(resolved)) {
                throw new UnreadableInputException(SourceLocation.ofFile(p.toString()), "no such file or directory");
            }
            scanned.add(resolved);
        }
        return new ScanRequest(paths.workingDirectory(), scanned, List.of(), null, null, maxFileBytes);
    }

    /**
     * @param paths the workspace
     * @param maxFileBytes the largest file scanned
     * @param git what of the git repository is scanned besides the files
     * @return the whole workspace for secrets only: no dependency or infrastructure rules
     */
    public static ScanRequest secretsOnly(WorkspacePaths paths, long maxFileBytes, GitScope git) {
        return new ScanRequest(paths.root(), List.of(paths.root()), List.of(), null, null, maxFileBytes, git);
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
