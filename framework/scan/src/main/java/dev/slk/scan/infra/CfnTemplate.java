package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;

/**
 * The parts of a CloudFormation template the rules read, each entry with the position of its
 * logical-id key in the file.
 *
 * @param resources the resources by logical id, in file order
 * @param outputs the outputs, in file order
 */
record CfnTemplate(Map<String, Entry> resources, List<Entry> outputs) {

    CfnTemplate {
        resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
        outputs = List.copyOf(outputs);
    }

    /**
     * One resource or output.
     *
     * @param logicalId its key in the template
     * @param line line of the key, from 1
     * @param column column of the key's opening quote, from 1, in characters
     * @param body the value under the key
     */
    record Entry(String logicalId, int line, int column, JsonNode body) {
        /** @return the resource type, or "" when absent or not a string */
        String type() {
            JsonNode type = body.path("Type");
            return type.isTextual() ? type.asText() : "";
        }

        /** @return the Properties object, or a missing node */
        JsonNode properties() {
            JsonNode properties = body.path("Properties");
            return properties.isObject() ? properties : MissingNode.getInstance();
        }

        /** @return the construct path CDK records in Metadata, or "" */
        String cdkPath() {
            JsonNode path = body.path("Metadata").path("aws:cdk:path");
            return path.isTextual() ? path.asText() : "";
        }
    }
}
