package dev.slk.core.workspace;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * An slk workspace: the directory tree in which a team keeps its integration modules next to the
 * slk build. Its root holds the marker file {@value #MARKER}; slk finds it from the current
 * directory upwards, as {@code mvn} finds {@code .mvn/} and {@code git} finds {@code .git/}.
 *
 * @param root the directory holding the marker
 * @param modulesDir directory (relative to the root) whose {@code pom.xml} lists the modules
 * @param modulesPackage Java package new modules go under
 * @param copyrightHolder holder named in the copyright header of generated files
 * @param waiverMaxDays how far ahead a waiver's expiry may be ({@code waivers.maxDays})
 */
public record Workspace(Path root, String modulesDir, String modulesPackage, String copyrightHolder,
        int waiverMaxDays) {
    /** The marker file at the root of a workspace; also holds the workspace's settings. */
    public static final String MARKER = "slk-workspace.properties";
    /** Environment variable naming the workspace root explicitly, for scripts and CI. */
    public static final String ENV = "SLK_WORKSPACE";
    /** The default of {@code modules.dir}. */
    public static final String DEFAULT_MODULES_DIR = "modules";
    /** The default of {@code modules.package}. */
    public static final String DEFAULT_MODULES_PACKAGE = "dev.slk.modules";
    /** The default of {@code copyright.holder}. */
    public static final String DEFAULT_COPYRIGHT_HOLDER = "the module's authors";
    /** The default of {@code waivers.maxDays}. */
    public static final int DEFAULT_WAIVER_MAX_DAYS = 180;
    /** No waiver may be set to last longer than this, whatever the setting says. */
    public static final int LONGEST_WAIVER_MAX_DAYS = 3650;
    private static final long MAX_MARKER_BYTES = 64 * 1024;

    /**
     * Finds the workspace of a directory: the value of {@value #ENV} when set, otherwise the
     * nearest directory at or above {@code start} that holds {@value #MARKER}.
     *
     * @param start the current directory
     * @param environment the environment variables
     * @return the workspace, or empty when there is none
     * @throws WorkspaceException when {@value #ENV} names no workspace, or the marker cannot be read
     */
    public static Optional<Workspace> find(Path start, Map<String, String> environment) {
        String explicit = environment.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path root = start.resolve(explicit).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve(MARKER))) {
                throw new WorkspaceException(ENV + "=" + explicit + " is not an slk workspace: " + root.resolve(MARKER)
                        + " does not exist");
            }
            return Optional.of(read(root));
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return Optional.of(read(dir));
            }
        }
        return Optional.empty();
    }

    /**
     * @param root a directory holding {@value #MARKER}
     * @return the workspace with its settings
     * @throws WorkspaceException when the marker cannot be read
     */
    public static Workspace read(Path root) {
        Path marker = root.resolve(MARKER);
        Properties settings = new Properties();
        try {
            if (Files.size(marker) > MAX_MARKER_BYTES) {
                throw new WorkspaceException(marker + " is larger than " + MAX_MARKER_BYTES + " bytes");
            }
            try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                settings.load(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new WorkspaceException("cannot read " + marker + ": " + e.getMessage());
        }
        return new Workspace(root,
                setting(settings, "modules.dir", DEFAULT_MODULES_DIR),
                setting(settings, "modules.package", DEFAULT_MODULES_PACKAGE),
                setting(settings, "copyright.holder", DEFAULT_COPYRIGHT_HOLDER),
                waiverMaxDays(marker, setting(settings, "waivers.maxDays", String.valueOf(DEFAULT_WAIVER_MAX_DAYS))));
    }

    private static int waiverMaxDays(Path marker, String value) {
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= LONGEST_WAIVER_MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WorkspaceException(marker + ": waivers.maxDays is '" + value + "'; it must be a whole number of days"
                + " from 1 to " + LONGEST_WAIVER_MAX_DAYS);
    }

    /** @return the marker file */
    public Path marker() {
        return root.resolve(MARKER);
    }

    private static String setting(Properties settings, String key, String fallback) {
        String value = settings.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
