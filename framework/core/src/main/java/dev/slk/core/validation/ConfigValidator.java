package dev.slk.core.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.config.ConfigKeys;
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

    private static final String UNREADABLE_VALUE = "yaml.tag";

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
        String environment = effective.at(ConfigKeys.ENVIRONMENT).asText(null);

        RuleContext ctx = new RuleContext(document, effective, resolved.overrideOrigins());
        ProjectRules.check(ctx);
        StackRules.check(ctx);
        if (selectedEnvironment != null && environment != null && !selectedEnvironment.equals(environment)) {
            ctx.warning("environment.mismatch", ConfigKeys.ENVIRONMENT, "--env " + selectedEnvironment
                    + " selected this file, but its environment is " + dev.slk.core.text.Echo.quoted(environment), null);
        }
        List<String> checked = new ModuleRules(registry, ctx).check();
        findings.addAll(ctx.findings());
        findings = oneFindingPerMistake(findings);

        findings.sort(Comparator.comparingInt((Finding f) -> f.location().line())
                .thenComparingInt(f -> f.location().column()));
        boolean valid = findings.stream().noneMatch(f -> f.severity().isError());
        if (!valid) {
            return new ValidationReport(document.file(), findings, checked, Optional.empty());
        }
        try {
            return new ValidationReport(document.file(), findings, checked,
                    Optional.of(BINDER.treeToValue(effective, ProjectConfig.class)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The schema and rules should admit only what the model can hold; should a value slip
            // through, it is still the user's value at the user's line, not an internal error.
            findings.add(unbindable(document, resolved.overrideOrigins(), e));
            return new ValidationReport(document.file(), findings, checked, Optional.empty());
        }
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
        Map<String, String> origins = EnvironmentOverrides.apply(effective, effective.at(ConfigKeys.ENVIRONMENT).asText(null));
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

    private static Finding unbindable(YamlDocument document, Map<String, String> origins,
            com.fasterxml.jackson.core.JsonProcessingException e) {
        StringBuilder pointer = new StringBuilder();
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mapping.getPath()) {
                pointer.append('/').append(ref.getFieldName() != null
                        ? dev.slk.core.yaml.YamlLoader.escape(ref.getFieldName()) : String.valueOf(ref.getIndex()));
            }
        }
        String at = origins.getOrDefault(pointer.toString(), pointer.toString());
        String shown = document.writtenNumber(at).map(n -> " (" + dev.slk.core.text.Echo.text(n) + ")").orElse("");
        return new Finding("schema.range", Severity.HIGH, document.valueLocation(at), at,
                "'" + dev.slk.core.text.Echo.text(at.substring(at.lastIndexOf('/') + 1)) + "' holds a value" + shown
                        + " that slk cannot use: " + dev.slk.core.text.Echo.text(e.getOriginalMessage()), null);
    }

    /**
     * One mistake, one finding: where the schema already says what is wrong with a value, a rule
     * about the same value (its Lambda range, say) would only repeat it. The rule knows the key,
     * so when the schema's finding has no hint it takes the rule's ("remove the key to use the
     * default"). A value YAML could not read as its tag says ({@code !!int y}) is that one finding:
     * what the schema says of the text it fell back to would repeat it.
     */
    private static List<Finding> oneFindingPerMistake(List<Finding> findings) {
        Map<String, String> ruleHints = new java.util.HashMap<>();
        java.util.Set<String> schemaErrors = new java.util.HashSet<>();
        for (Finding f : findings) {
            if (f.severity().isError() && isSchemaLayer(f.ruleId())) {
                schemaErrors.add(f.pointer());
            } else if (!isSchemaLayer(f.ruleId()) && f.hint() != null) {
                ruleHints.putIfAbsent(f.pointer(), f.hint());
            }
        }
        java.util.Set<String> unreadable = new java.util.HashSet<>();
        for (Finding f : findings) {
            if (UNREADABLE_VALUE.equals(f.ruleId())) {
                unreadable.add(f.pointer());
            }
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        java.util.Set<String> hinted = new java.util.HashSet<>();
        for (Finding f : findings) {
            if (unreadable.contains(f.pointer()) && !UNREADABLE_VALUE.equals(f.ruleId())) {
                continue;
            }
            if (!isSchemaLayer(f.ruleId())) {
                if (!schemaErrors.contains(f.pointer())) {
                    kept.add(f);
                }
            } else if (f.hint() == null && f.severity().isError() && ruleHints.containsKey(f.pointer())
                    && hinted.add(f.pointer())) {
                kept.add(f.withHint(ruleHints.get(f.pointer())));
            } else {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean isSchemaLayer(String ruleId) {
        return ruleId.startsWith("schema.") || ruleId.startsWith("module-schema.") || ruleId.startsWith("yaml.");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
