package dev.slk.scaffold;

/**
 * The module cannot be generated as asked: a bad id or path, an existing module, a broken
 * template. The message is one line; nothing has been written when it is thrown.
 */
public final class ScaffoldException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what is wrong and, where possible, what to do
     */
    public ScaffoldException(String message) {
        super(message);
    }
}
