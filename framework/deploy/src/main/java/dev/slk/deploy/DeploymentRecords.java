package dev.slk.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.Ownership;
import dev.slk.core.io.StagedDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The deployment records of one environment, {@code .slk/deployments/<env>/}: one JSON file per
 * deployment, and under {@code assemblies/<id>/} the cloud assembly of each of the last N successful
 * ones. Everything is written through {@link AtomicWriter}.
 */
public final class DeploymentRecords {
    /** The marker of a kept assembly, by which slk knows it wrote the directory. */
    public static final String ASSEMBLY_MARKER = ".slk-deployed-assembly";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Ownership RECORD = Ownership.of("is not a deployment record slk wrote",
            file -> file.getFileName().toString().endsWith(".json"));
    private static final Ownership ASSEMBLY = Ownership.of("is not an assembly slk kept", dir -> true);

    private final Path directory;

    /** @param directory {@code .slk/deployments/<env>} */
    public DeploymentRecords(Path directory) {
        this.directory = directory;
    }

    /**
     * @param workspaceRoot the workspace root
     * @param environment the environment
     * @return its records
     */
    public static DeploymentRecords of(Path workspaceRoot, String environment) {
        return new DeploymentRecords(workspaceRoot.resolve(".slk").resolve("deployments").resolve(environment));
    }

    /** @return {@code .slk/deployments/<env>} */
    public Path directory() {
        return directory;
    }

    /**
     * @param record the record
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public Path write(DeploymentRecord record) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(record.id() + ".json");
        AtomicWriter.writeFile(file, file.toString(), JSON.writeValueAsString(record) + "\n", RECORD);
        return file;
    }

    /**
     * Keeps a copy of a deployed assembly and removes the oldest kept ones beyond {@code keep}.
     *
     * @param id the record's id
     * @param assembly the deployed assembly
     * @param keep how many to keep (at least 1)
     * @throws IOException when it cannot be copied
     */
    public void keepAssembly(String id, Path assembly, int keep) throws IOException {
        Path assemblies = directory.resolve("assemblies");
        Files.createDirectories(assemblies);
        try (StagedDirectory staged = AtomicWriter.stageDirectory(assemblies.resolve(id), id, ASSEMBLY_MARKER, ASSEMBLY)) {
            copyTree(assembly, staged.staging());
            staged.commit(id + "\n");
        }
        List<Path> kept = keptAssemblies();
        for (int i = 0; i < kept.size() - Math.max(1, keep); i++) {
            AtomicWriter.deleteTree(kept.get(i));
        }
    }

    /** @return the kept assemblies, oldest first */
    public List<Path> keptAssemblies() throws IOException {
        Path assemblies = directory.resolve("assemblies");
        if (!Files.isDirectory(assemblies)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(assemblies)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(ASSEMBLY_MARKER))).sorted().toList();
        }
    }

    /** @return every record, oldest first */
    public List<DeploymentRecord> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<DeploymentRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                records.add(JSON.readValue(file.toFile(), DeploymentRecord.class));
            }
        }
        records.sort(Comparator.comparing(DeploymentRecord::id));
        return records;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
