package dev.slk.iam.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.assembly.Owner;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A CloudFormation template file given with {@code --template}: JSON through the cloud-assembly model's
 * reader, YAML (with the short-form intrinsic tags {@code !Ref}, {@code !GetAtt}, {@code !Sub}...) read here
 * into the same model, positions kept.
 */
public final class TemplateFiles {
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private TemplateFiles() {
    }

    /**
     * @param file the template
     * @param display the path as the user wrote it (the stack is named after the file)
     * @return the template
     * @throws StackTemplate.UnreadableTemplateException when it cannot be read; positions point at the problem
     */
    public static StackTemplate read(Path file, String display) throws StackTemplate.UnreadableTemplateException {
        String name = file.getFileName().toString().replaceFirst("(\\.template)?\\.(json|ya?ml|template)$", "");
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || (!lower.endsWith(".json") && !startsWithBrace(file))) {
            return readYaml(file, name, display);
        }
        return StackTemplate.read(file, name, display);
    }

    private static boolean startsWithBrace(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).stripLeading().startsWith("{");
        } catch (IOException e) {
            return true; // the JSON reader reports it
        }
    }

    private static StackTemplate readYaml(Path file, String name, String display)
            throws StackTemplate.UnreadableTemplateException {
        Node root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new StackTemplate.UnreadableTemplateException("it is larger than " + MAX_BYTES + " bytes", 1, 1);
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit((int) MAX_BYTES);
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            // SnakeYAML's message can quote the text; the problem's position and kind are enough.
            throw new StackTemplate.UnreadableTemplateException("it is not valid YAML (" + e.getProblem() + ")",
                    m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1);
        } catch (YAMLException | IOException e) {
            throw new StackTemplate.UnreadableTemplateException("it cannot be read as YAML", 1, 1);
        }
        if (!(root instanceof MappingNode map)) {
            throw new StackTemplate.UnreadableTemplateException("it is not a YAML mapping", 1, 1);
        }
        Map<String, Resource> resources = new LinkedHashMap<>();
        LinkedHashSet<String> parameters = new LinkedHashSet<>();
        for (NodeTuple section : map.getValue()) {
            String key = scalar(section.getKeyNode());
            if ("Resources".equals(key) && section.getValueNode() instanceof MappingNode entries) {
                for (NodeTuple entry : entries.getValue()) {
                    JsonNode body = convert(entry.getValueNode());
                    if (body.isObject()) {
                        String id = scalar(entry.getKeyNode());
                        Mark at = entry.getKeyNode().getStartMark();
                        JsonNode path = body.path("Metadata").path("aws:cdk:path");
                        String constructPath = path.isTextual() ? path.asText() : "";
                        JsonNode type = body.path("Type");
                        resources.put(id, new Resource(id, type.isTextual() ? type.asText() : "", body, constructPath,
                                Owner.of(constructPath), at.getLine() + 1, at.getColumn() + 1));
                    }
                }
            } else if ("Parameters".equals(key) && section.getValueNode() instanceof MappingNode entries) {
                entries.getValue().forEach(e -> parameters.add(scalar(e.getKeyNode())));
            }
        }
        return new StackTemplate(name, display, resources, List.of(), parameters);
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "";
    }

    /** YAML to JSON; a short-form tag {@code !X v} becomes {@code {"Fn::X": v}} ({@code Ref} and {@code Condition} keep their names). */
    private static JsonNode convert(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode value;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                o.set(scalar(t.getKeyNode()), convert(t.getValueNode()));
            }
            value = o;
        } else if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            s.getValue().forEach(n -> a.add(convert(n)));
            value = a;
        } else {
            ScalarNode s = (ScalarNode) node;
            String tag = s.getTag().getValue();
            value = switch (tag) {
                case "tag:yaml.org,2002:int" -> f.numberNode(Long.parseLong(s.getValue().replace("_", "")));
                case "tag:yaml.org,2002:bool" -> f.booleanNode(Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT)));
                case "tag:yaml.org,2002:null" -> f.nullNode();
                default -> f.textNode(s.getValue());
            };
        }
        String tag = node.getTag().getValue();
        if (!tag.startsWith("!") || tag.startsWith("!!")) {
            return value;
        }
        String name = tag.substring(1);
        if (name.equals("GetAtt") && value.isTextual()) {
            String[] parts = value.asText().split("\\.", 2);
            ArrayNode a = f.arrayNode().add(parts[0]);
            a.add(parts.length > 1 ? parts[1] : "");
            value = a;
        }
        ObjectNode wrapped = f.objectNode();
        wrapped.set(name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name, value);
        return wrapped;
    }
}
