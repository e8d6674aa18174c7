package dev.slk.iam.online;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slk.assembly.StackTemplate;
import dev.slk.iam.policy.Values;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Policy documents as IAM Access Analyzer reads them: plain JSON, every {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub} and {@code Fn::Join} replaced by the form its value has once deployed in the session's region
 * (an ARN for an ARN attribute), as cfn-policy-validator does.
 */
final class Documents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {
    }

    /** @return the document with its intrinsics replaced, as compact JSON */
    static String render(JsonNode document, StackTemplate stack, String region) {
        return write(concrete(document, stack, region));
    }

    /** @return the node with its intrinsics replaced */
    static JsonNode concrete(JsonNode node, StackTemplate stack, String region) {
        if (isIntrinsic(node)) {
            return TextNode.valueOf(Values.deployed(Values.resolve(node, stack), region));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), concrete(e.getValue(), stack, region));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(concrete(n, stack, region)));
            return out;
        }
        return node;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    /**
     * @param path Access Analyzer's path of a finding: {@code Statement}, {@code 0}, {@code Resource}...
     * @return the same as a JSON pointer suffix ({@code /Statement/0/Resource}), "" for an empty path
     */
    static String pointer(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String p : path) {
            out.append('/').append(p.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
