package dev.slk.lambda.customsource;

/**
 * A failure whose message is fit for CloudFormation's Reason field and for the log: one line,
 * naming what went wrong and, where it helps, what to do. Callers build the message from values
 * that are not secret, or pass it through {@link Redactor} first.
 */
class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProviderException(String message) {
        super(message, null, false, false);
    }
}
