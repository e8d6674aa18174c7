package dev.slk.stack.testing;

import dev.slk.core.config.ProjectConfig;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.testing.Configs;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlLoader;
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

    /**
     * The model synth would get if the semantic rules did not stop it: schema defaults, environment
     * overrides and derived defaults applied, no rule checked.
     *
     * @param yaml a configuration the schema accepts
     * @return its resolved form
     */
    public static ProjectConfig bindWithoutRules(String yaml) {
        try {
            return ConfigValidator.bind(ConfigValidator.effective(new YamlLoader().parse(yaml, "config.yaml").root()));
        } catch (UnreadableInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
        return build(config(yaml));
    }

    /**
     * @param config a resolved configuration, valid or not
     * @return the core stack with its enabled modules
     */
    public static CoreStack build(ProjectConfig config) {
        CoreStack stack = new CoreStack(new App(), config, TestArtifacts.artifacts());
        new ModuleAssembly(stack, REGISTRY, mappingDirectory()).addEnabledModules();
        return stack;
    }

    /** @return a fresh directory for a stack's module mappings, removed when the JVM exits */
    public static Path mappingDirectory() {
        try {
            Path directory = Files.createTempDirectory("slk-test-mappings");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param yaml a valid configuration
     * @return the template of its stack
     */
    public static Template template(String yaml) {
        return Template.fromStack(build(yaml));
    }
}
