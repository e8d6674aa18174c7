package dev.slk.core.registry;

import dev.slk.spi.IntegrationModule;

/**
 * A discovered module and where its class came from.
 *
 * @param module the module instance
 * @param source the jar (or class directory) that holds its class
 */
public record RegisteredModule(IntegrationModule module, String source) {

    /** @return the module id */
    public String id() {
        return module.moduleId();
    }

    /** @return {@code class (from source)}, for messages */
    public String describe() {
        return module.getClass().getName() + " (from " + source + ")";
    }
}
