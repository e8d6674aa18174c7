package dev.slk.checklist;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.registry.RegisteredModule;
import dev.slk.core.workspace.WorkspacePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The module a checklist looks at: its directory in the workspace and, when it is registered, the
 * module slk discovered.
 *
 * @param id the module id
 * @param dir the module's directory, absolute
 * @param paths the workspace's paths
 * @param copyrightHolder the holder every file's copyright line names
 * @param registry the modules slk discovered, problems included
 */
public record ModuleUnderCheck(String id, Path dir, WorkspacePaths paths, String copyrightHolder,
        ModuleRegistry registry) {

    /** Directories that hold build output or tools' state, never the module's own files. */
    static final Set<String> NOT_SOURCES = Set.of("target", ".git", "node_modules", "cdk.out", ".idea", ".venv",
            "__pycache__", ".pytest_cache");

    /** @return the registered module with this id, if slk discovered one */
    public Optional<RegisteredModule> registered() {
        return registry.find(id);
    }

    /** @return the module's Lambda functions: the directories under src/lambda with a build file */
    public List<Path> functions() throws IOException {
        Path lambdas = dir.resolve("src/lambda");
        if (!Files.isDirectory(lambdas)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(lambdas)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> Files.isRegularFile(d.resolve("pom.xml")) || Files.isRegularFile(d.resolve("app.py")))
                    .sorted().toList();
        }
    }

    /** @return every regular file of the module, build output left out, sorted */
    public List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> dir.relativize(p).toString().isEmpty() || noBuildOutput(dir.relativize(p)))
                    .sorted().toList();
        }
    }

    private static boolean noBuildOutput(Path relative) {
        for (Path part : relative) {
            if (NOT_SOURCES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    /** @return the path relative to the workspace root, with '/' separators */
    public String relative(Path path) {
        return paths.root().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * @return a failing finding of the item about a place in a file of the module; fingerprinted
     *     by item, file and message, never by line, so a waiver survives lines moving
     */
    public Finding failure(Item item, Path file, int line, int column, String message) {
        return finding(item, Severity.HIGH, file, line, column, message);
    }

    /** @return a warning of the item about a place in a file of the module */
    public Finding warning(Item item, Path file, int line, int column, String message) {
        return finding(item, Severity.LOW, file, line, column, message);
    }

    private Finding finding(Item item, Severity severity, Path file, int line, int column, String message) {
        String shown = relative(file);
        return new Finding(item.ruleId(), severity, new SourceLocation(shown, line, column), "", message,
                item.fix(), "", Fingerprints.of(item.ruleId(), id, shown, message), id, null);
    }

    /**
     * @param dir a module or function directory
     * @return the newest modification time of its files under {@code src} (functions under
     *     {@code src/lambda} left out: they have reports of their own)
     * @throws IOException when the tree cannot be walked
     */
    public static FileTime newestSource(Path dir) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        Path src = dir.resolve("src");
        if (!Files.isDirectory(src)) {
            return newest;
        }
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)
                    .filter(p -> !src.relativize(p).startsWith("lambda"))::iterator) {
                FileTime t = Files.getLastModifiedTime(p);
                if (t.compareTo(newest) > 0) {
                    newest = t;
                }
            }
        }
        return newest;
    }
}
