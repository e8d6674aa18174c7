package dev.slk.checklist.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.checklist.registration.EnabledConfig;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.stack.FreshAssembly;
import dev.slk.stack.NodeRuntime;
import dev.slk.stack.Synthesizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The module's infrastructure as {@code slk synth} writes it, brought up to date first
 * ({@link FreshAssembly}: no synthesis when the recorded inputs are today's). When the chosen
 * configuration enables the module, that is the workspace's {@code cdk.out}, shared with
 * iam-analyzer, security-scan and deploy; otherwise the configuration with the module's example
 * block enabled is synthesized into {@code <module>/target/checklist/cdk.out}, slk's own place
 * under the module's build output, so the workspace's assembly is left as it is.
 */
public final class SynthesizedInfrastructure implements Infrastructure {
    /** Where a module's own assembly goes, under its directory. */
    public static final String MODULE_ASSEMBLY = "target/checklist/cdk.out";

    private final Synthesizer synthesizer;
    private final YamlDocument base;
    private final String selectedEnvironment;
    private final WorkspacePaths paths;
    private final Map<Path, State> done = new HashMap<>();

    /**
     * @param synthesizer the synthesizer of the workspace's modules
     * @param base the chosen configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @param paths the workspace
     */
    public SynthesizedInfrastructure(Synthesizer synthesizer, YamlDocument base, String selectedEnvironment,
            WorkspacePaths paths) {
        this.synthesizer = synthesizer;
        this.base = base;
        this.selectedEnvironment = selectedEnvironment;
        this.paths = paths;
    }

    @Override
    public State of(ModuleUnderCheck module) throws IOException {
        if (module.registered().isEmpty()) {
            return new Missing("the module was not discovered (item 1), so slk cannot synthesize it", false);
        }
        if (base.root().path("integrations").path(module.id()).path("enabled").asBoolean(false)) {
            return synthesize(base, selectedEnvironment, paths.assembly(), paths.display(paths.assembly()));
        }
        Path example = module.dir().resolve("config.example.yaml");
        JsonNode block;
        try {
            block = Files.isRegularFile(example) ? new YamlLoader().load(example, module.relative(example)).root()
                    .path("integrations").path(module.id()) : null;
        } catch (UnreadableInputException e) {
            return new Missing(e.getMessage(), true);
        }
        if (block == null || !block.isObject()) {
            return new Missing(module.relative(example) + " has no integrations." + module.id()
                    + " block to synthesize the module with (item 11)", true);
        }
        YamlDocument enabled;
        try {
            enabled = EnabledConfig.of(base.root(), module.id(), block, base.file() + " + " + module.relative(example));
        } catch (UnreadableInputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Path own = module.dir().resolve(MODULE_ASSEMBLY);
        Files.createDirectories(own.getParent());
        return synthesize(enabled, null, own, module.relative(own));
    }

    private State synthesize(YamlDocument document, String environment, Path directory, String display)
            throws IOException {
        State known = done.get(directory);
        if (known != null) {
            return known;
        }
        long start = System.nanoTime();
        State state;
        try {
            FreshAssembly.Outcome outcome = FreshAssembly.ensure(synthesizer, document, environment, directory);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            if (outcome instanceof FreshAssembly.NotWritten refused) {
                state = new Missing("slk synth of " + document.file() + " did not write " + display + ": "
                        + refused.reason(), true);
            } else if (outcome instanceof FreshAssembly.Synthesized) {
                state = new Ready(directory, display, display + ", synthesized from " + document.file() + " in "
                        + seconds + " s");
            } else {
                state = new Ready(directory, display, display + ", up to date with " + document.file());
            }
        } catch (NodeRuntime.NodeUnavailableException e) {
            state = new Missing(e.getMessage(), true);
        }
        done.put(directory, state);
        return state;
    }
}
