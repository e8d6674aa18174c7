package dev.slk.core.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.config.EnvironmentOverrides;
import dev.slk.core.config.ProjectConfig;
import dev.slk.core.config.ProjectSchema;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.schema.SchemaDefaults;
import dev.slk.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a project configuration in four layers and reports everything in one pass:
 * (a) the project schema, (b) each enabled module's schema, (c) the semantic rules, and
 * (d) each enabled module's own {@code validateConfig}.
 */
public final class ConfigValidator {
    private static final ObjectMapper BINDER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ModuleRegistry registry;

    /** @param registry the modules integrations may name */
    public ConfigValidator(ModuleRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param document the parsed configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @return the report
     */
    public ValidationReport validate(YamlDocument document, String selectedEnvironment) {
        List<Finding> findings = new ArrayList<>(document.problems());
        JsonNode raw = document.root();
        findings.addAll(ProjectSchema.validation().validate(document, raw, "", "schema"));
        if (!raw.isObject()) {
            return new ValidationReport(document.file(), findings, List.of(), Optional.empty());
        }
        for (SchemaDefaults.IgnoredKey ignored : SchemaDefaults.ignoredKeys(ProjectSchema.document(), raw)) {
            findings.add(new Finding("ignored-key", Severity.MEDIUM, document.keyLocation(ignored.pointer()),
                    ignored.pointer(), "'" + ignored.pointer().substring(ignored.pointer().lastIndexOf('/') + 1)
                            + "' is " + lowerFirst(ignored.description()), "remove it to silence this warning"));
        }
        EffectiveConfig resolved = effective(raw);
        ObjectNode effective = resolved.config();
        String environment = effective.path("environment").asText(null);

        RuleContext ctx = new RuleContext(document, effective, resolved.overrideOrigins());
        ProjectRules.check(ctx);
        StackRules.check(ctx);
        if (selectedEnvironment != null && environment != null && !selectedEnvironment.equals(environment)) {
            ctx.warning("environment.mismatch", "/environment", "--env " + selectedEnvironment
                    + " selected this file, but its environment is '" + environment + "'", null);
        }
        List<String> checked = new ModuleRules(registry, ctx).check();
        findings.addAll(ctx.findings());

        findings.sort(Comparator.comparingInt((Finding f) -> f.location().line())
                .thenComparingInt(f -> f.location().column()));
        boolean valid = findings.stream().noneMatch(f -> f.severity().isError());
        Optional<ProjectConfig> config = valid ? Optional.of(bind(effective)) : Optional.empty();
        return new ValidationReport(document.file(), findings, checked, config);
    }

    /**
     * The configuration the rules check and synth builds: the file's values, the schema's defaults,
     * the environment block's overrides, then the defaults derived from other keys.
     *
     * @param raw the file's root mapping
     * @return the effective configuration and where each override came from
     */
    public static EffectiveConfig effective(JsonNode raw) {
        ObjectNode effective = (ObjectNode) SchemaDefaults.apply(ProjectSchema.document(), raw);
        Map<String, String> origins = EnvironmentOverrides.apply(effective, effective.path("environment").asText(null));
        DerivedDefaults.apply(effective);
        return new EffectiveConfig(effective, origins);
    }

    /**
     * @param effective an effective configuration the schema accepts
     * @return the model synth builds from
     */
    public static ProjectConfig bind(EffectiveConfig effective) {
        return bind(effective.config());
    }

    /**
     * @param config the effective configuration
     * @param overrideOrigins for each key an environment block set, the pointer it was written at
     */
    public record EffectiveConfig(ObjectNode config, Map<String, String> overrideOrigins) {
    }

    private static ProjectConfig bind(JsonNode effective) {
        try {
            return BINDER.treeToValue(effective, ProjectConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The schema admits only what the model can hold; reaching this is a bug in slk.
            throw new IllegalStateException("the validated configuration does not fit slk's model: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
