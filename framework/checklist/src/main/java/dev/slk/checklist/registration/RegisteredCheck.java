package dev.slk.checklist.registration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.core.findings.Finding;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.workspace.WorkspaceModules;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 11: the modules build lists the module, slk's registry (what {@code slk list-modules}
 * shows) has it, and the base configuration with the module's example block validates through
 * the one validator of core.
 */
public final class RegisteredCheck implements Check {
    private final YamlDocument base;

    /** @param base the configuration the module is enabled in (--config, --env or the bundled example) */
    public RegisteredCheck(YamlDocument base) {
        this.base = base;
    }

    @Override
    public Item item() {
        return Item.REGISTERED;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) {
        List<String> evidence = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Path modulesPom = module.paths().modulesDirectory().resolve("pom.xml");
        if (WorkspaceModules.reactor(module.paths().root()).contains(module.dir().toAbsolutePath().normalize())) {
            evidence.add("listed in the modules build (" + module.relative(modulesPom) + ")");
        } else {
            findings.add(module.failure(item(), modulesPom, 0, 0, "the modules build does not list "
                    + module.relative(module.dir()) + ": add <module>" + module.id() + "</module>"));
        }
        if (module.registered().isEmpty()) {
            findings.add(module.failure(item(), module.dir().resolve("pom.xml"), 0, 0,
                    "slk list-modules does not show " + module.id() + " (see item 1)"));
            return new Measurement.Measured(evidence, findings);
        }
        evidence.add("slk list-modules shows " + module.id() + " " + module.registered().get().module().moduleVersion());
        Path example = module.dir().resolve("config.example.yaml");
        JsonNode block;
        try {
            block = Files.isRegularFile(example)
                    ? new YamlLoader().load(example, module.relative(example)).root().path("integrations")
                            .path(module.id())
                    : null;
        } catch (UnreadableInputException e) {
            findings.add(module.failure(item(), example, e.location().line(), e.location().column(), e.getMessage()));
            return new Measurement.Measured(evidence, findings);
        }
        if (block == null || !block.isObject()) {
            findings.add(module.failure(item(), example, 0, 0, module.relative(example)
                    + " has no integrations." + module.id() + " block to enable the module with"));
            return new Measurement.Measured(evidence, findings);
        }
        YamlDocument enabled;
        try {
            enabled = EnabledConfig.of(base.root(), module.id(), block, base.file() + " + " + module.relative(example));
        } catch (UnreadableInputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        ValidationReport report = new ConfigValidator(module.registry()).validate(enabled, null);
        for (Finding error : report.errors()) {
            findings.add(module.failure(item(), example, 0, 0, "enabling the module in " + base.file()
                    + " does not validate: " + error.message() + (error.pointer().isEmpty() ? "" : " at "
                    + error.pointer())));
        }
        if (report.valid() && report.modulesChecked().contains(module.id())) {
            evidence.add(base.file() + " with the block of " + module.relative(example)
                    + " validates; modules checked: " + String.join(", ", report.modulesChecked()));
        } else if (report.valid()) {
            findings.add(module.failure(item(), example, 0, 0, "the example block does not enable the module "
                    + "(enabled: true), so validate-config did not check it"));
        }
        return new Measurement.Measured(evidence, findings);
    }
}
