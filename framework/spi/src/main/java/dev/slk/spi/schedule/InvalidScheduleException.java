package dev.slk.spi.schedule;

/**
 * Thrown when a schedule expression is not a valid EventBridge {@code rate(...)} or {@code
 * cron(...)} expression. The message is a single line meant for the person who wrote the
 * expression: it says which part is wrong and what is allowed there.
 */
public final class InvalidScheduleException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line saying what is wrong and what is allowed
     */
    public InvalidScheduleException(String message) {
        super(message);
    }
}
