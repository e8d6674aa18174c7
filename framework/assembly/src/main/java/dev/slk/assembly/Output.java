package dev.slk.assembly;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stack output.
 *
 * @param logicalId its key in the template
 * @param body the value under the key (Value, Description, Export...)
 * @param line line of the key, from 1
 * @param column column of the key's opening quote, from 1
 */
public record Output(String logicalId, JsonNode body, int line, int column) {
    /** @return the output's Value, or a missing node */
    public JsonNode value() {
        return body.path("Value");
    }
}
