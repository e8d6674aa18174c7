package dev.slk.stack.modules;

/**
 * A module's hook threw, or returned something the framework cannot use. The message names the
 * module and the hook; the cause is the module's own exception.
 */
public final class ModuleHookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String moduleId;
    private final String hook;

    ModuleHookException(String moduleId, String hook, String problem, Throwable cause) {
        super("module '" + moduleId + "' failed in " + hook + ": " + problem, cause);
        this.moduleId = moduleId;
        this.hook = hook;
    }

    /** @return the module id */
    public String moduleId() {
        return moduleId;
    }

    /** @return the hook, e.g. {@code createResources} */
    public String hook() {
        return hook;
    }
}
