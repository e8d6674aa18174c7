package dev.slk.core.workspace;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command finds the project's files, the same from every directory of a workspace: the
 * configuration, the modules and the cloud assembly live at the workspace root (as
 * {@value Workspace#MARKER} says), while the paths a user types are relative to the directory the
 * user is in. Outside a workspace the working directory plays the root's part.
 *
 * @param workingDirectory the directory the command runs in
 * @param workspace the workspace it is in, if any
 */
public record WorkspacePaths(Path workingDirectory, Optional<Workspace> workspace) {
    /** The waiver ledger's file name, at the root. */
    public static final String WAIVER_LEDGER = "slk-waivers.yaml";

    /** The cloud assembly's directory, relative to the root, when the user names none. */
    public static final String ASSEMBLY_DIR = "cdk.out";

    /**
     * @param workingDirectory the directory the command runs in
     * @param environment may name the workspace ({@value Workspace#ENV})
     * @return the paths
     * @throws WorkspaceException when {@value Workspace#ENV} names no workspace or the marker cannot be read
     */
    public static WorkspacePaths of(Path workingDirectory, Map<String, String> environment) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        return new WorkspacePaths(cwd, Workspace.find(cwd, environment));
    }

    /** @return the workspace root, or the working directory outside a workspace */
    public Path root() {
        return workspace.map(Workspace::root).orElse(workingDirectory);
    }

    /** @return the directory holding the integration modules ({@code modules.dir}) */
    public Path modulesDirectory() {
        return root().resolve(workspace.map(Workspace::modulesDir).orElse(Workspace.DEFAULT_MODULES_DIR)).normalize();
    }

    /**
     * @param moduleId a module id (already checked against the id pattern)
     * @return the directory of that module in the workspace
     */
    public Path moduleDirectory(String moduleId) {
        return modulesDirectory().resolve(moduleId);
    }

    /** @return the cloud assembly's default directory */
    public Path assembly() {
        return root().resolve(ASSEMBLY_DIR);
    }

    /** @return the waiver ledger, {@value #WAIVER_LEDGER} at the root (it may not exist) */
    public Path waiverLedger() {
        return root().resolve(WAIVER_LEDGER);
    }

    /** @return how many days ahead a waiver's expiry may be ({@code waivers.maxDays}, default 180) */
    public int waiverMaxDays() {
        return workspace.map(Workspace::waiverMaxDays).orElse(Workspace.DEFAULT_WAIVER_MAX_DAYS);
    }

    /**
     * @param typed a path as the user typed it
     * @return it, resolved against the working directory
     */
    public Path resolve(Path typed) {
        return workingDirectory.resolve(typed).normalize();
    }

    /**
     * @param path a path slk found
     * @return how to show it: relative to the working directory, with '/' separators
     */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String shown = absolute.equals(workingDirectory) ? "." : workingDirectory.relativize(absolute).toString();
        return shown.replace('\\', '/');
    }
}
