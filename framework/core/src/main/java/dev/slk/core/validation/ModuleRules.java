package dev.slk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.config.ConfigKeys;
import dev.slk.core.findings.Severity;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.registry.RegisteredModule;
import dev.slk.core.schema.DidYouMean;
import dev.slk.core.text.Echo;
import dev.slk.core.schema.JsonSchemaDocument;
import dev.slk.core.schema.SchemaDefaults;
import dev.slk.core.schema.SchemaValidation;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.spi.ValidationResult;
import dev.slk.spi.schedule.InvalidScheduleException;
import dev.slk.spi.schedule.ScheduleExpression;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module layers of validation: every integration key must name a registered module, and
 * each enabled module's block is checked against the module's schema, the framework's rules for
 * schedules and Lambda limits, and the module's own {@code validateConfig}; the OCSF classes its
 * mappings produce must have a custom source ({@link EventRouting}).
 */
final class ModuleRules {
    /** Module schemas mark EventBridge schedule expressions with this format. */
    static final String SCHEDULE_FORMAT = "eventbridge-schedule";

    private final ModuleRegistry registry;
    private final RuleContext ctx;
    private final EventRouting routing;

    ModuleRules(ModuleRegistry registry, RuleContext ctx) {
        this.registry = registry;
        this.ctx = ctx;
        this.routing = new EventRouting(ctx);
    }

    /** @return the ids of the modules whose config was validated */
    List<String> check() {
        List<String> checked = new ArrayList<>();
        JsonNode integrations = ctx.config().at(ConfigKeys.INTEGRATIONS);
        Iterator<Map.Entry<String, JsonNode>> entries = integrations.properties().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String id = entry.getKey();
            String pointer = ConfigKeys.child(ConfigKeys.INTEGRATIONS, id);
            boolean enabled = entry.getValue().path(ConfigKeys.Integration.ENABLED).asBoolean(false);
            Optional<RegisteredModule> module = registry.find(id);
            if (module.isEmpty()) {
                unknown(id, pointer, enabled);
            } else if (enabled && entry.getValue().isObject()) {
                if (checkModule(module.get(), pointer, (ObjectNode) entry.getValue())) {
                    checked.add(id);
                }
                routing.check(module.get(), pointer);
            }
        }
        return checked;
    }

    private void unknown(String id, String pointer, boolean enabled) {
        List<String> known = registry.ids();
        String list = known.isEmpty() ? "no modules are installed" : "known modules: " + String.join(", ", known);
        String hint = DidYouMean.suggest(id, known).map(s -> "did you mean '" + s + "'? ").orElse("")
                + "run 'slk list-modules' to see what is installed";
        if (enabled) {
            ctx.error("integration.unknown", pointer, "integration " + Echo.quoted(id) + " is enabled but no module has this id ("
                    + list + ")", hint);
        } else {
            ctx.warning("integration.unknown", pointer, "integration " + Echo.quoted(id)
                    + " is disabled and no module has this id (" + list + ")", hint);
        }
    }

    /** @return true when the module's config could be checked through all layers */
    private boolean checkModule(RegisteredModule registered, String pointer, ObjectNode integration) {
        String configPointer = ConfigKeys.child(pointer, ConfigKeys.Integration.CONFIG);
        JsonNode raw = ctx.document().root().at(configPointer);
        if (!raw.isMissingNode() && !raw.isObject()) {
            return false; // the project schema reported it: config must be a mapping
        }
        JsonNode config = raw.isObject() ? raw : JsonNodeFactory.instance.objectNode();
        ModuleSchema schema = schemaOf(registered, configPointer);
        if (schema instanceof ModuleSchema.Unusable) {
            return false;
        }
        if (schema instanceof ModuleSchema.Usable usable) {
            JsonSchemaDocument document = usable.document();
            SchemaValidation validation;
            try {
                validation = new SchemaValidation(document);
            } catch (RuntimeException e) {
                schemaError(registered, configPointer, "cannot be compiled: " + e.getMessage());
                return false;
            }
            List<dev.slk.core.findings.Finding> violations;
            try {
                violations = validation.validate(ctx.document(), config, configPointer, "module-schema");
            } catch (RuntimeException e) {
                schemaError(registered, configPointer, "cannot be applied: " + e.getMessage());
                return false;
            }
            ctx.findings().addAll(violations);
            config = SchemaDefaults.apply(document, config);
            integration.set("config", config);
            schedules(document, config, configPointer);
            lambdaSettings(config, configPointer);
            if (!violations.isEmpty()) {
                // validateConfig is promised a schema-valid config; one mistake, one message.
                return true;
            }
        } else {
            lambdaSettings(config, configPointer);
        }
        ValidationResult result;
        try {
            result = registered.module().validateConfig(config.deepCopy());
        } catch (RuntimeException | Error e) {
            hookFailed(ctx, registered, configPointer, "validateConfig", e);
            return true;
        }
        if (result != null) {
            for (ValidationResult.Problem problem : result.problems()) {
                // Module authors speak of errors and warnings; on the one scale they are high and medium.
                Severity severity = problem.error() ? Severity.HIGH : Severity.MEDIUM;
                ctx.add("module." + registered.id(), severity, configPointer + problem.pointer(), problem.message(),
                        problem.hint());
            }
        }
        return true;
    }

    /**
     * A module hook that throws is the module's fault, reported as an error; only the JVM's own
     * failures (out of memory) end the command.
     */
    static void hookFailed(RuleContext ctx, RegisteredModule registered, String pointer, String hook, Throwable e) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        ctx.error("module.hook-failed", pointer, "module " + registered.describe() + " failed in " + hook + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                "report this to the module's authors");
    }

    private void schemaError(RegisteredModule registered, String configPointer, String problem) {
        ctx.error("module.schema-invalid", configPointer, "the config.schema.json of module "
                + registered.describe() + " " + problem, "report this to the module's authors");
    }

    /** What a module offers as its config schema. */
    private sealed interface ModuleSchema {
        /** The module ships no schema. */
        record None() implements ModuleSchema {
        }

        /** @param document the readable, valid schema */
        record Usable(JsonSchemaDocument document) implements ModuleSchema {
        }

        /** The schema cannot be used; an error naming the module has been reported. */
        record Unusable() implements ModuleSchema {
        }
    }

    private ModuleSchema schemaOf(RegisteredModule registered, String configPointer) {
        Optional<URL> url;
        try {
            url = registered.module().configSchema();
        } catch (RuntimeException | Error e) {
            hookFailed(ctx, registered, configPointer, "configSchema", e);
            return new ModuleSchema.Unusable();
        }
        if (url == null || url.isEmpty()) {
            return new ModuleSchema.None();
        }
        JsonSchemaDocument schema;
        try {
            schema = JsonSchemaDocument.read(url.get());
        } catch (IOException e) {
            schemaError(registered, configPointer, "cannot be read: " + e.getMessage());
            return new ModuleSchema.Unusable();
        }
        List<String> problems = SchemaValidation.metaSchemaProblems(schema);
        if (!problems.isEmpty()) {
            schemaError(registered, configPointer, "is not a valid JSON Schema (draft 2020-12): "
                    + String.join("; ", problems));
            return new ModuleSchema.Unusable();
        }
        return new ModuleSchema.Usable(schema);
    }

    private void schedules(JsonSchemaDocument schema, JsonNode config, String configPointer) {
        List<SchemaDefaults.Match> matches =
                SchemaDefaults.find(schema, config, p -> SCHEDULE_FORMAT.equals(p.path("format").asText()));
        for (SchemaDefaults.Match match : matches) {
            if (!match.value().isTextual()) {
                continue;
            }
            try {
                ScheduleExpression.parse(match.value().asText());
            } catch (InvalidScheduleException e) {
                ctx.error("schedule", configPointer + match.pointer(), e.getMessage(),
                        "e.g. rate(5 minutes) or cron(0/15 * * * ? *)");
            }
        }
    }

    /** Objects with a memorySize are Lambda settings by the seeds' convention; hold them to Lambda's limits. */
    private void lambdaSettings(JsonNode node, String pointer) {
        if (node.isObject()) {
            if (node.has("memorySize")) {
                ProjectRules.lambdaLimits(ctx, pointer);
            }
            node.properties().forEach(e -> lambdaSettings(e.getValue(), pointer + "/" + YamlLoader.escape(e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                lambdaSettings(node.get(i), pointer + "/" + i);
            }
        }
    }
}
