package dev.slk.checklist.registration;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.core.findings.Finding;
import dev.slk.core.registry.RegisteredModule;
import dev.slk.core.registry.RegistryProblem;
import dev.slk.core.workspace.WorkspaceModules;
import dev.slk.spi.IntegrationModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Item 1: the module's class is found through ServiceLoader among the workspace's built modules
 * (the registry of core, which runs its constructor and checks id and version), its id is its
 * directory's name, and its name and description are given.
 */
public final class ModuleInterfaceCheck implements Check {
    /** The longest description slk list-modules shows on one line. */
    static final int MAX_DESCRIPTION = 200;

    @Override
    public Item item() {
        return Item.MODULE_INTERFACE;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) {
        Path services = module.dir().resolve("src/main/resources").resolve(WorkspaceModules.SERVICES);
        Optional<RegisteredModule> registered = module.registered();
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (registered.isEmpty()) {
            Path classes = module.dir().resolve("target/classes");
            List<RegistryProblem> problems = module.registry().problems().stream()
                    .filter(p -> p.source().startsWith(classes.toString())).toList();
            for (RegistryProblem p : problems) {
                findings.add(module.failure(item(), services, 0, 0, "ServiceLoader found " + p.className()
                        + " but could not register it: " + p.message()));
            }
            if (problems.isEmpty()) {
                String why = !Files.isRegularFile(services)
                        ? "no ServiceLoader registration: " + module.relative(services) + " does not exist"
                        : !Files.isRegularFile(classes.resolve(WorkspaceModules.SERVICES))
                                ? "the module is not built, so ServiceLoader cannot find it (build it with: mvn -B -ntp"
                                        + " package -pl " + module.relative(module.dir()) + " -am)"
                                : "ServiceLoader found no module with id '" + module.id() + "' in "
                                        + module.relative(classes);
                findings.add(module.failure(item(), services, 0, 0, why));
            }
            return new Measurement.Measured(List.of("modules discovered: " + module.registry().ids()), findings);
        }
        IntegrationModule m = registered.get().module();
        evidence.add("discovered " + m.getClass().getName() + " through ServiceLoader from "
                + shown(module, registered.get().source()) + "; its constructor ran");
        evidence.add("id " + m.moduleId() + ", version " + m.moduleVersion() + " (semver)");
        if (!Files.isRegularFile(services)) {
            findings.add(module.failure(item(), services, 0, 0, "the module is discovered, but its sources do not "
                    + "register it: " + module.relative(services) + " is missing, so a clean build loses it"));
        }
        text(module, services, findings, "moduleName()", m.moduleName());
        text(module, services, findings, "moduleDescription()", m.moduleDescription());
        if (m.moduleDescription() != null && m.moduleDescription().length() > MAX_DESCRIPTION) {
            findings.add(module.failure(item(), services, 0, 0, "moduleDescription() has "
                    + m.moduleDescription().length() + " characters; one sentence of at most " + MAX_DESCRIPTION
                    + " is what slk list-modules shows"));
        }
        if (!module.dir().getFileName().toString().equals(m.moduleId())) {
            findings.add(module.failure(item(), module.dir().resolve("pom.xml"), 0, 0, "module id '" + m.moduleId()
                    + "' is not the name of its directory " + module.relative(module.dir())));
        }
        if (findings.isEmpty()) {
            evidence.add("name '" + m.moduleName() + "', description of " + m.moduleDescription().length()
                    + " characters");
        }
        return new Measurement.Measured(evidence, findings);
    }

    private void text(ModuleUnderCheck module, Path file, List<Finding> findings, String accessor, String value) {
        if (value == null || value.isBlank()) {
            findings.add(module.failure(item(), file, 0, 0, accessor + " is empty; the SPI asks for one"));
        }
    }

    private static String shown(ModuleUnderCheck module, String source) {
        try {
            return module.relative(Path.of(source));
        } catch (IllegalArgumentException e) {
            return source;
        }
    }
}
