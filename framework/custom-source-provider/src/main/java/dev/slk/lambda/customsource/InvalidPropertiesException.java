package dev.slk.lambda.customsource;

/** The custom resource's properties break a rule of this provider or of the Security Lake API. */
final class InvalidPropertiesException extends ProviderException {
    private static final long serialVersionUID = 1L;

    InvalidPropertiesException(String message) {
        super(message);
    }
}
