package dev.slk.checklist;

import dev.slk.checklist.infra.Infrastructure;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlDocument;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What to check.
 *
 * @param paths the workspace
 * @param registry the modules slk discovered, problems included
 * @param moduleIds the modules to check, in order
 * @param baseConfig the configuration each module is enabled in for item 11
 * @param fix whether to add missing copyright headers
 * @param run whether to run the module's build and tests (false: --no-run, read the existing reports)
 * @param clock today, for added headers and waiver expiry
 * @param infrastructure where each module's synthesized resources are (items 3, security-scan, synth)
 */
public record ChecklistRequest(WorkspacePaths paths, ModuleRegistry registry, List<String> moduleIds,
        YamlDocument baseConfig, boolean fix, boolean run, Clock clock, Infrastructure infrastructure) {

    /** A request without infrastructure: the items that read it do not apply. */
    public ChecklistRequest(WorkspacePaths paths, ModuleRegistry registry, List<String> moduleIds,
            YamlDocument baseConfig, boolean fix, boolean run, Clock clock) {
        this(paths, registry, moduleIds, baseConfig, fix, run, clock, Infrastructure.none());
    }

    /** Copies the list. */
    public ChecklistRequest {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(baseConfig, "baseConfig");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(infrastructure, "infrastructure");
        moduleIds = List.copyOf(moduleIds);
    }
}
