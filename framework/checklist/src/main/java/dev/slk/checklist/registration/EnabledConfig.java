package dev.slk.checklist.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;

/**
 * A project configuration that enables one module: the chosen base configuration with its
 * integrations replaced by the module's block. Written as JSON (which is YAML), so the one YAML
 * loader of core gives every key a line.
 */
public final class EnabledConfig {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EnabledConfig() {
    }

    /**
     * @param base the base configuration
     * @param moduleId the module
     * @param block the module's {@code integrations.<id>} block
     * @param name the document's name in findings
     * @return the parsed document
     * @throws UnreadableInputException never in practice: the text is JSON slk wrote
     */
    public static YamlDocument of(JsonNode base, String moduleId, JsonNode block, String name)
            throws UnreadableInputException {
        ObjectNode root = base.isObject() ? ((ObjectNode) base).deepCopy() : JSON.createObjectNode();
        root.putObject("integrations").set(moduleId, block);
        try {
            return new YamlLoader().parse(JSON.writeValueAsString(root) + "\n", name);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration tree is plain JSON", e);
        }
    }
}
