package dev.slk.checklist.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.checklist.SchemaKeys;
import dev.slk.core.findings.Finding;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Item 2: invalid variants of the module's example config ({@link ConfigVariants}) go through the
 * one validator of validate-config, in the base configuration. Each must be rejected with an
 * error under the module's config block whose message names the changed key and whose location
 * has a line.
 */
public final class ConfigValidationCheck implements Check {
    private final YamlDocument base;

    /** @param base the configuration the variants are enabled in */
    public ConfigValidationCheck(YamlDocument base) {
        this.base = base;
    }

    @Override
    public Item item() {
        return Item.CONFIG_VALIDATION;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        Optional<SchemaKeys> schema = SchemaKeys.find(module);
        Path example = module.dir().resolve("config.example.yaml");
        if (module.registered().isEmpty()) {
            return new Measurement.Measured(List.of(), List.of(module.failure(item(), module.dir().resolve("pom.xml"),
                    0, 0, "the module is not registered (item 1), so its validation cannot be exercised")));
        }
        if (schema.isEmpty()) {
            return new Measurement.Measured(List.of(), List.of(module.failure(item(), module.dir().resolve("pom.xml"),
                    0, 0, "the module has no config.schema.json to generate invalid configs from")));
        }
        JsonNode block;
        try {
            block = Files.isRegularFile(example) ? new YamlLoader().load(example, module.relative(example)).root()
                    .path("integrations").path(module.id()).path("config") : null;
        } catch (UnreadableInputException e) {
            return new Measurement.Measured(List.of(), List.of(module.failure(item(), example, e.location().line(),
                    e.location().column(), e.getMessage())));
        }
        if (!(block instanceof ObjectNode config)) {
            return new Measurement.Measured(List.of(), List.of(module.failure(item(), example, 0, 0, module.relative(example)
                    + " has no integrations." + module.id() + ".config block to vary")));
        }
        List<Finding> findings = new ArrayList<>();
        List<ConfigVariants.Variant> variants = ConfigVariants.of(schema.get(), config);
        int rejected = 0;
        int clear = 0;
        String prefix = "/integrations/" + module.id() + "/config";
        for (ConfigVariants.Variant variant : variants) {
            ValidationReport report = validate(module, variant.config());
            List<Finding> errors = report.errors().stream().filter(f -> f.pointer().startsWith(prefix)).toList();
            if (errors.isEmpty()) {
                findings.add(module.failure(item(), schema.get().file(), 0, 0, "an invalid config is accepted: "
                        + variant.description()));
                continue;
            }
            rejected++;
            boolean named = errors.stream().anyMatch(f -> f.message().contains(variant.key()) && f.location().line() > 0);
            if (named) {
                clear++;
            } else {
                findings.add(module.failure(item(), schema.get().file(), 0, 0, "an invalid config (" + variant.description()
                        + ") is rejected, but no message names " + variant.key() + " with a line: '"
                        + errors.get(0).message() + "'"));
            }
        }
        return new Measurement.Measured(List.of("invalid variants tried " + variants.size() + ", rejected " + rejected
                + ", with a message naming the key and a line " + clear), findings);
    }

    private ValidationReport validate(ModuleUnderCheck module, ObjectNode config) {
        ObjectNode block = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        block.put("enabled", true);
        block.set("config", config);
        try {
            YamlDocument document = EnabledConfig.of(base.root(), module.id(), block, "variant of "
                    + module.relative(module.dir().resolve("config.example.yaml")));
            return new ConfigValidator(module.registry()).validate(document, null);
        } catch (UnreadableInputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
