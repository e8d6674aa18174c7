package dev.slk.core.registry;

/**
 * A module that could not be registered.
 *
 * @param className the module class, or the services entry when the class could not be loaded
 * @param source the jar or directory it came from, or "unknown"
 * @param message what is wrong
 */
public record RegistryProblem(String className, String source, String message) {

    /** @return one line naming the class, its jar and the problem */
    @Override
    public String toString() {
        return "module " + className + " (from " + source + "): " + message;
    }
}
