package dev.slk.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a template value points at: {@code Ref}, {@code Fn::GetAtt} (both forms) and the
 * {@code ${...}} variables of {@code Fn::Sub}, at any depth, so that {@code Fn::Join}, {@code Fn::If},
 * {@code Fn::Select} and the like around them are seen through. Pseudo parameters
 * ({@code AWS::Region}...) and the local variables of a {@code Fn::Sub} are not references.
 */
public final class References {
    /** {@code ${Name}} or {@code ${Name.Attr}}; {@code ${!Literal}} is an escape, not a variable. */
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private References() {
    }

    /**
     * @param value any part of a template
     * @return the references in it, each once, in document order
     */
    public static List<Reference> in(JsonNode value) {
        Set<Reference> found = new LinkedHashSet<>();
        collect(value, Set.of(), found);
        return List.copyOf(found);
    }

    private static void collect(JsonNode value, Set<String> locals, Set<Reference> found) {
        if (value == null) {
            return;
        }
        if (value.isObject() && value.size() == 1) {
            Map.Entry<String, JsonNode> only = value.properties().iterator().next();
            JsonNode argument = only.getValue();
            switch (only.getKey()) {
                case "Ref" -> {
                    if (argument.isTextual() && !isPseudo(argument.asText())) {
                        found.add(new Reference(Reference.Kind.REF, argument.asText(), ""));
                    }
                    return;
                }
                case "Fn::GetAtt" -> {
                    getAtt(argument, found);
                    return;
                }
                case "Fn::Sub" -> {
                    sub(argument, locals, found);
                    return;
                }
                default -> {
                    // Another intrinsic or a one-key object: its arguments are searched below.
                }
            }
        }
        for (JsonNode child : value) {
            collect(child, locals, found);
        }
    }

    private static void getAtt(JsonNode argument, Set<Reference> found) {
        if (argument.isArray() && argument.path(0).isTextual()) {
            JsonNode attribute = argument.path(1);
            found.add(new Reference(Reference.Kind.GET_ATT, argument.get(0).asText(),
                    attribute.isTextual() ? attribute.asText() : ""));
        } else if (argument.isTextual()) {
            String[] parts = argument.asText().split("\\.", 2);
            found.add(new Reference(Reference.Kind.GET_ATT, parts[0], parts.length > 1 ? parts[1] : ""));
        }
    }

    /** {@code "text"} or {@code ["text", {"Var": value}]}: the values may hold references of their own. */
    private static void sub(JsonNode argument, Set<String> locals, Set<Reference> found) {
        JsonNode text = argument.isArray() ? argument.path(0) : argument;
        Set<String> variables = new HashSet<>(locals);
        if (argument.isArray() && argument.path(1).isObject()) {
            argument.get(1).properties().forEach(variable -> {
                variables.add(variable.getKey());
                collect(variable.getValue(), locals, found);
            });
        }
        if (!text.isTextual()) {
            return;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text.asText());
        List<Reference> inText = new ArrayList<>();
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            int dot = name.indexOf('.');
            String id = dot < 0 ? name : name.substring(0, dot);
            if (!isPseudo(id) && !variables.contains(id)) {
                inText.add(new Reference(Reference.Kind.SUB, id, dot < 0 ? "" : name.substring(dot + 1)));
            }
        }
        found.addAll(inText);
    }

    private static boolean isPseudo(String name) {
        return name.startsWith("AWS::");
    }
}
