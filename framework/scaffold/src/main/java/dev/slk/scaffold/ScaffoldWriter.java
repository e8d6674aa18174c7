package dev.slk.scaffold;

import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.io.Ownership;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ScaffoldPlan} so that it either happens completely or not at all: a new module
 * directory is rendered into a temporary directory beside its destination and moved into place
 * in one rename; the modules pom is replaced by a rename too. When a later step fails, the earlier
 * ones are undone.
 */
public final class ScaffoldWriter {
    /** With --force the user asked for the module's files to be replaced. */
    private static final Ownership FORCED = Ownership.of("", existing -> true);

    private ScaffoldWriter() {
    }

    /**
     * @param plan what to write; its root must be present
     * @throws ScaffoldException when the disk changed since planning or a write fails; nothing is
     *     left behind
     */
    public static void write(ScaffoldPlan plan) throws ScaffoldException {
        write(plan, () -> { });
    }

    /** A step between writing the module and updating the pom; tests use it to fail there. */
    interface Step {
        void run() throws IOException;
    }

    static void write(ScaffoldPlan plan, Step beforePom) throws ScaffoldException {
        Path root = plan.root().orElseThrow(() -> new IllegalArgumentException("a plan without a workspace cannot be written"));
        Path moduleDir = root.resolve(plan.moduleDir());
        Path parent = moduleDir.getParent();
        if (plan.pom().isPresent()) {
            ScaffoldPlan.PomChange pom = plan.pom().get();
            String current = read(root.resolve(pom.path()), pom.path());
            if (!current.equals(pom.before())) {
                throw new ScaffoldException(pom.path() + " changed while the module was being generated; run the command again");
            }
        }
        boolean fresh = !Files.exists(moduleDir, LinkOption.NOFOLLOW_LINKS);
        Path stage = null;
        Map<Path, Path> backups = new LinkedHashMap<>();
        List<Path> created = new ArrayList<>();
        boolean moduleMoved = false;
        try {
            stage = Files.createTempDirectory(parent, ".slk-new-" + plan.names().id() + "-");
            if (fresh) {
                Path staged = stage.resolve(plan.names().id());
                for (ScaffoldPlan.PlannedFile file : plan.files()) {
                    Path target = staged.resolve(file.path().substring(plan.moduleDir().length() + 1));
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.content());
                }
                try {
                    Files.move(staged, moduleDir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    throw new ScaffoldException(plan.moduleDir() + " appeared while the module was being generated; "
                            + "run the command again (with --force to overwrite it)");
                }
                moduleMoved = true;
            } else {
                overwrite(plan, root, stage, backups, created);
            }
            beforePom.run();
            if (plan.pom().isPresent()) {
                ScaffoldPlan.PomChange pom = plan.pom().get();
                AtomicWriter.writeFile(root.resolve(pom.path()), pom.path(), pom.after(), Ownership.of(
                        "changed while the module was being generated; run the command again",
                        existing -> Files.readString(existing, StandardCharsets.UTF_8).equals(pom.before())));
            }
        } catch (IOException | RuntimeException | ScaffoldException e) {
            undo(moduleMoved ? moduleDir : null, backups, created);
            if (e instanceof ScaffoldException scaffold) {
                throw scaffold;
            }
            if (e instanceof OutputException output) {
                throw new ScaffoldException(output.getMessage() + "; nothing was changed");
            }
            throw new ScaffoldException("cannot write " + plan.moduleDir() + ": " + e + "; nothing was changed");
        } finally {
            if (stage != null) {
                deleteQuietly(stage);
            }
        }
    }

    /** --force into an existing directory: each file is replaced by a rename, the old one kept until the end. */
    private static void overwrite(ScaffoldPlan plan, Path root, Path stage, Map<Path, Path> backups, List<Path> created)
            throws IOException, ScaffoldException {
        Path backupDir = Files.createDirectories(stage.resolve("backup"));
        int n = 0;
        for (ScaffoldPlan.PlannedFile file : plan.files()) {
            Path target = root.resolve(file.path());
            SafePaths.refuseSymlinks(root, List.of(file.path().split("/")));
            Path dir = target.getParent();
            for (Path missing = dir; !Files.exists(missing, LinkOption.NOFOLLOW_LINKS); missing = missing.getParent()) {
                created.add(missing);
            }
            Files.createDirectories(dir);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path backup = backupDir.resolve(String.valueOf(n++));
                Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
                backups.put(target, backup);
            } else {
                created.add(target);
            }
            AtomicWriter.writeFile(target, file.path(), file.content(), FORCED);
        }
    }

    private static void undo(Path movedModule, Map<Path, Path> backups, List<Path> created) {
        if (movedModule != null) {
            deleteQuietly(movedModule);
        }
        backups.forEach((target, backup) -> {
            try {
                Files.copy(backup, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                // Best effort: the backup stays in the stage until it is deleted; nothing else can be done.
            }
        });
        // Files and the deepest directories first, so each directory is empty when its turn comes.
        List<Path> order = new ArrayList<>(created);
        order.sort(Comparator.comparingInt((Path p) -> p.getNameCount()).reversed());
        for (Path path : order) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A directory that now holds other files is left in place.
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            AtomicWriter.deleteTree(dir);
        } catch (UncheckedIOException e) {
            // Leftovers of a temporary directory are harmless; their names start with .slk-new-.
        }
    }

    private static String read(Path file, String display) throws ScaffoldException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScaffoldException("cannot read " + display + ": " + e.getMessage());
        }
    }
}
