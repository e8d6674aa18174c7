package dev.slk.scaffold;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code new-module} would write, rendered in memory before anything touches the
 * disk: a failure while planning leaves no trace.
 *
 * @param root the workspace root, or empty for a dry run outside any workspace
 * @param moduleDir the module's directory relative to the root, with {@code /} separators
 * @param names the names derived from the module id
 * @param files the files, with paths relative to the root
 * @param pom the change to the pom that lists the modules, or empty when it already lists them
 * @param nextSteps what the user does next
 */
public record ScaffoldPlan(
        Optional<Path> root, String moduleDir, ModuleNames names, List<PlannedFile> files,
        Optional<PomChange> pom, NextSteps nextSteps) {

    /**
     * One file to write.
     *
     * @param path path relative to the workspace root, {@code /} separators
     * @param content the bytes (UTF-8 text)
     * @param overwrites true when a file of that name exists and {@code --force} allows replacing it
     */
    public record PlannedFile(String path, byte[] content, boolean overwrites) {
    }

    /**
     * The edit of the pom that lists the modules.
     *
     * @param path the pom, relative to the root
     * @param before its text when planned (writing refuses if it changed meanwhile)
     * @param after its text with the new modules listed
     * @param added the module entries added
     */
    public record PomChange(String path, String before, String after, List<String> added) {
    }

    /**
     * What the user does after generating.
     *
     * @param buildCommand the Maven command that builds and tests the new module
     * @param configExamplePath the generated config fragment, relative to the root, or null
     * @param configExample its text without the comment header, or null
     * @param secretName the Secrets Manager secret the example config names
     */
    public record NextSteps(String buildCommand, String configExamplePath, String configExample, String secretName) {
    }

    /** @return the total size of the files in bytes */
    public long totalBytes() {
        return files.stream().mapToLong(f -> f.content().length).sum();
    }
}
