package dev.slk.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One CloudFormation template of the assembly.
 *
 * @param stackName the stack's name; for a nested stack, {@code <parent>/<logical id in the parent>}
 * @param file the template file, relative to the assembly directory, with '/' separators
 * @param resources the resources by logical id, in file order
 * @param outputs the outputs, in file order
 * @param parameters the parameter names, in file order
 */
public record StackTemplate(String stackName, String file, Map<String, Resource> resources, List<Output> outputs,
        Set<String> parameters) {

    /** Copies the collections, keeping their order. */
    public StackTemplate {
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        outputs = List.copyOf(outputs);
        parameters = Collections.unmodifiableSet(new LinkedHashSet<>(parameters));
    }

    /**
     * Reads one template file.
     *
     * @param template the file
     * @param stackName the name to give the stack
     * @param file the file's path to report, relative to the assembly directory
     * @return the template
     * @throws UnreadableTemplateException when it cannot be read, is too large, not UTF-8 or not a JSON object
     */
    public static StackTemplate read(Path template, String stackName, String file) throws UnreadableTemplateException {
        return TemplateParser.parse(TemplateParser.readUtf8(template), stackName, file);
    }

    /** @return the stack at the root of this one's nesting (itself for a top-level stack) */
    public String rootStackName() {
        int slash = stackName.indexOf('/');
        return slash < 0 ? stackName : stackName.substring(0, slash);
    }

    /** @return the resource with this logical id */
    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** @return the resources of the given type, in file order */
    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * @param value any part of this template
     * @return the resources of this template the value points at (through {@code Ref}, {@code Fn::GetAtt},
     *     {@code Fn::Sub}, inside {@code Fn::Join} and other intrinsics), each once, in document order;
     *     references to parameters and to ids the template does not define are left out
     */
    public List<Resource> referencedResources(JsonNode value) {
        List<Resource> found = new ArrayList<>();
        for (Reference reference : References.in(value)) {
            Resource target = resources.get(reference.logicalId());
            if (target != null && !found.contains(target)) {
                found.add(target);
            }
        }
        return found;
    }

    /** A template that cannot be read or is not a JSON object; the message never quotes the content. */
    public static final class UnreadableTemplateException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        /** @param message what is wrong, never quoting content; @param line from 1; @param column from 1 */
        public UnreadableTemplateException(String message, int line, int column) {
            super(message);
            this.line = Math.max(1, line);
            this.column = Math.max(1, column);
        }

        /** @return the line of the problem, from 1 */
        public int line() {
            return line;
        }

        /** @return the column of the problem, from 1 */
        public int column() {
            return column;
        }
    }
}
