package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step of the fixed converter set (see {@link Converters}). A converter passes null through,
 * so that {@code default} can take over.
 */
public interface Converter {
    /**
     * @param value the value so far, or null
     * @return the converted value, or null
     * @throws ConversionException when the value cannot be converted
     */
    JsonNode apply(JsonNode value) throws ConversionException;
}
