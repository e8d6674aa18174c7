package dev.slk.stack.core;

/**
 * The configuration passed validation but cannot be built as asked (for example a literal
 * external id, which slk refuses to write into a template). The message names the config key.
 */
public final class StackConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and which key to change */
    public StackConfigurationException(String message) {
        super(message);
    }
}
