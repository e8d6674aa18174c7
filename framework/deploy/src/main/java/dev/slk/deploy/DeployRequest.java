package dev.slk.deploy;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.Map;

/**
 * One {@code slk deploy}.
 *
 * @param document the configuration
 * @param configFile the configuration's file, for its fingerprint (null for the bundled example)
 * @param selectedEnvironment the environment {@code --env} named, or null
 * @param registry the discovered modules
 * @param paths the workspace
 * @param dryRun run the gates and the diff, then stop
 * @param yes approve without asking
 * @param approval the approval level, or null for the environment's default (broadening in prod,
 *     never elsewhere)
 * @param skippedGates gate name to the reason it is skipped (refused in prod)
 * @param keep how many deployed assemblies to keep
 */
public record DeployRequest(YamlDocument document, Path configFile, String selectedEnvironment, ModuleRegistry registry,
        WorkspacePaths paths, boolean dryRun, boolean yes, ApprovalLevel approval, Map<String, String> skippedGates,
        int keep) {
    /** Copies the map. */
    public DeployRequest {
        skippedGates = Map.copyOf(skippedGates);
    }
}
