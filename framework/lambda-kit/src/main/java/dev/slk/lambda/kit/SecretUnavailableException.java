package dev.slk.lambda.kit;

/**
 * A secret could not be read or does not hold what the module expects. The message names the
 * secret and the cause (an SQS-style error code such as {@code ResourceNotFoundException} or
 * {@code AccessDeniedException}, or the missing field); it never contains the value.
 */
public final class SecretUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the secret; never the value */
    public SecretUnavailableException(String message) {
        super(message);
    }
}
