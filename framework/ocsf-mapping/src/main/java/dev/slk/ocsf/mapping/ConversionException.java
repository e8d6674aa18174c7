package dev.slk.ocsf.mapping;

/** A converter met a value it cannot convert. The message says which value and why. */
public final class ConversionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public ConversionException(String message) {
        super(message);
    }
}
