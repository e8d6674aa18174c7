package dev.slk.cli;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.registry.RegistryProblem;

/** The module registry as commands use it: broken modules stop the command with exit code 2. */
final class Modules {
    private Modules() {
    }

    /**
     * @param cli the context
     * @return the registry, when every module on the class path could be registered
     * @throws ModuleRegistryException listing each module that could not
     */
    static ModuleRegistry usable(CliContext cli) {
        ModuleRegistry registry = cli.registry().get();
        if (!registry.problems().isEmpty()) {
            throw new ModuleRegistryException(registry);
        }
        return registry;
    }

    /** Some installed module is broken; the message names each one, with its class and jar. */
    static final class ModuleRegistryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ModuleRegistryException(ModuleRegistry registry) {
            super(String.join("\n",
                    registry.problems().stream().map(RegistryProblem::toString).toList()));
        }
    }
}
