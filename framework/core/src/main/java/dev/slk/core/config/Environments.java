package dev.slk.core.config;

import dev.slk.core.workspace.WorkspacePaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environments a workspace has a configuration for: each {@code config.ENV.yaml} at its root
 * that {@code --env ENV} would read. {@code config.example.yaml} is the example to copy, not an
 * environment.
 */
public final class Environments {
    private static final Pattern FILE = Pattern.compile("^config\\.(" + ConfigSelector.ENVIRONMENT_NAME + ")\\.yaml$");
    private static final String EXAMPLE = "example";

    private Environments() {
    }

    /**
     * @param paths the workspace
     * @return the environment names, sorted; empty when the root cannot be listed
     */
    public static List<String> available(WorkspacePaths paths) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(paths.root(), "config.*.yaml")) {
            for (Path entry : entries) {
                Matcher m = FILE.matcher(entry.getFileName().toString());
                if (m.matches() && !EXAMPLE.equals(m.group(1)) && Files.isRegularFile(entry)) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }
}
