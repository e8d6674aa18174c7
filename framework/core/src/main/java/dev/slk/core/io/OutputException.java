package dev.slk.core.io;

import java.io.IOException;

/**
 * slk cannot write where it was asked to: a directory where a file belongs or the reverse, a
 * missing parent, no permission, or a target that slk did not create and so will not replace.
 * The message is one line naming the path; nothing was written or deleted when it is thrown.
 */
public final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the path as the user wrote it, what is wrong, and what to do
     */
    public OutputException(String message) {
        super(message);
    }
}
