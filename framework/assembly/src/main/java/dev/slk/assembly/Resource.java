package dev.slk.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * One resource of a template.
 *
 * @param logicalId its key in the template
 * @param type the resource type, or "" when absent or not a string
 * @param body the whole value under the key (Type, Properties, Metadata...)
 * @param constructPath the construct path CDK recorded ({@code aws:cdk:path}), or "" when none
 * @param owner who made it, from the construct path
 * @param line line of the logical-id key in the file, from 1
 * @param column column of the key's opening quote, from 1, in characters
 */
public record Resource(String logicalId, String type, JsonNode body, String constructPath, Owner owner, int line,
        int column) {

    /** Checks the invariants. */
    public Resource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(constructPath, "constructPath");
        Objects.requireNonNull(owner, "owner");
    }

    static Resource of(String logicalId, JsonNode body, int line, int column) {
        JsonNode type = body.path("Type");
        JsonNode path = body.path("Metadata").path("aws:cdk:path");
        String constructPath = path.isTextual() ? path.asText() : "";
        return new Resource(logicalId, type.isTextual() ? type.asText() : "", body, constructPath,
                Owner.of(constructPath), line, column);
    }

    /** @return the Properties object, or a missing node */
    public JsonNode properties() {
        JsonNode properties = body.path("Properties");
        return properties.isObject() ? properties : MissingNode.getInstance();
    }
}
