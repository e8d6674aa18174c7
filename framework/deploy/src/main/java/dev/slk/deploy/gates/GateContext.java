package dev.slk.deploy.gates;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlDocument;
import java.nio.file.Path;

/**
 * What the gates check.
 *
 * @param document the configuration being deployed
 * @param selectedEnvironment the environment {@code --env} named, or null
 * @param production whether the target environment is prod (gates are stricter there)
 * @param registry the discovered modules
 * @param paths the workspace
 * @param assembly the cloud assembly about to be deployed
 */
public record GateContext(YamlDocument document, String selectedEnvironment, boolean production,
        ModuleRegistry registry, WorkspacePaths paths, Path assembly) {
}
