package dev.slk.lambda.customsource;

import java.util.Objects;

/**
 * The external id that the log provider must present when it assumes the role Security Lake
 * creates. Held in its own type so that string concatenation, logging and exception messages
 * print a placeholder, never the value.
 */
final class ExternalId {
    private final String value;

    ExternalId(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The value, for the one API call that needs it and for {@link Redactor}. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ExternalId[redacted]";
    }
}
