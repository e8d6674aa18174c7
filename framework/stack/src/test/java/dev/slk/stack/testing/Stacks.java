package dev.slk.stack.testing;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.testing.Configs;
import dev.slk.core.validation.ValidationReport;
import dev.slk.spi.config.ProjectConfig;
import dev.slk.stack.core.CoreStack;
import dev.slk.stack.modules.ModuleAssembly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** Builds the stack of a configuration in tests, as synth does, and gives its template. */
public final class Stacks {
    private static final ModuleRegistry REGISTRY = ModuleRegistry.discover(Stacks.class.getClassLoader());

    private Stacks() {
    }

    /** @return the registry of the test class path (core's sample modules and the stack's test modules) */
    public static ModuleRegistry registry() {
        return REGISTRY;
    }

    /**
     * @param yaml a configuration that must be valid
     * @return its validated, resolved form
     */
    public static ProjectConfig config(String yaml) {
        ValidationReport report = Configs.validate(yaml);
        if (!report.valid()) {
            throw new AssertionError("test config is invalid: " + report.errors());
        }
        return report.config().orElseThrow();
    }

    /** @return the bundled example configuration's text */
    public static String exampleYaml() {
        try {
            return Files.readString(Path.of(System.getProperty("slk.workspace.dir"), "config.example.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param yaml a valid configuration
     * @return the core stack with its enabled modules
     */
    public static CoreStack build(String yaml) {
        CoreStack stack = new CoreStack(new App(), config(yaml), TestArtifacts.artifacts());
        new ModuleAssembly(stack, REGISTRY).addEnabledModules();
        return stack;
    }

    /**
     * @param yaml a valid configuration
     * @return the template of its stack
     */
    public static Template template(String yaml) {
        return Template.fromStack(build(yaml));
    }
}
