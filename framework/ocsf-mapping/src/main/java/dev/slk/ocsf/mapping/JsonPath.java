package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset mappings use: {@code $} (the event) or {@code @} (the current element of an
 * {@code each}), then any of {@code .name}, {@code ['name']}, {@code [3]}, {@code [-1]}, {@code [*]}
 * and {@code .*}. No filters, no scripts, no recursive descent: a path reads, it never computes.
 *
 * <p>A path without a wildcard selects one value or nothing; a path with a wildcard selects an
 * array of every match (missing branches are skipped).
 */
public final class JsonPath {
    private final String text;
    private final boolean relative;
    private final List<Step> steps;
    private final boolean multi;

    private JsonPath(String text, boolean relative, List<Step> steps) {
        this.text = text;
        this.relative = relative;
        this.steps = List.copyOf(steps);
        this.multi = steps.stream().anyMatch(s -> s instanceof Wildcard);
    }

    private sealed interface Step permits Name, Index, Wildcard {
    }

    private record Name(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    /**
     * Compiles a path.
     *
     * @param text the path, e.g. {@code $.properties['alert type'][0]}
     * @return the path
     * @throws IllegalArgumentException with a message naming the offending character position
     */
    public static JsonPath compile(String text) {
        if (text.isEmpty() || (text.charAt(0) != '$' && text.charAt(0) != '@')) {
            throw new IllegalArgumentException("a path starts with $ (the event) or @ (the current element)");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int start = ++i;
                if (i < text.length() && text.charAt(i) == '*') {
                    steps.add(new Wildcard());
                    i++;
                    continue;
                }
                while (i < text.length() && isNameChar(text.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("expected a name after '.' at position " + start + " of " + text);
                }
                steps.add(new Name(text.substring(start, i)));
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' at position " + i + " is not closed in " + text);
                }
                String inside = text.substring(i + 1, close).trim();
                steps.add(bracket(inside, i, text));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + i + " of " + text
                        + " (names with spaces or dots go in ['...'])");
            }
        }
        return new JsonPath(text, text.charAt(0) == '@', steps);
    }

    private static Step bracket(String inside, int at, String text) {
        if (inside.equals("*")) {
            return new Wildcard();
        }
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
            return new Name(inside.substring(1, inside.length() - 1));
        }
        try {
            return new Index(Integer.parseInt(inside));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("[" + inside + "] at position " + at + " of " + text
                    + " is not an index, * or a quoted name");
        }
    }

    private static boolean isNameChar(char c) {
        return c != '.' && c != '[' && c != ']' && c != '\'' && c != '"' && !Character.isWhitespace(c);
    }

    /** @return whether the path is relative to the current element ({@code @}) */
    public boolean relative() {
        return relative;
    }

    /** @return whether the path can select several values (it has a wildcard) */
    public boolean multi() {
        return multi;
    }

    /**
     * Reads the path.
     *
     * @param root the event
     * @param current the current element of an {@code each}, or the event
     * @return the selected value, an array of matches for a wildcard path, or null when nothing matches
     */
    public JsonNode read(JsonNode root, JsonNode current) {
        List<JsonNode> found = new ArrayList<>();
        walk(relative ? current : root, 0, found);
        if (multi) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            found.forEach(out::add);
            return out;
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private void walk(JsonNode node, int step, List<JsonNode> found) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (step == steps.size()) {
            found.add(node);
            return;
        }
        Step s = steps.get(step);
        if (s instanceof Name n) {
            walk(node.isObject() ? node.get(n.name()) : null, step + 1, found);
        } else if (s instanceof Index ix) {
            int index = ix.index() < 0 ? node.size() + ix.index() : ix.index();
            walk(node.isArray() && index >= 0 ? node.get(index) : null, step + 1, found);
        } else if (node.isArray() || node.isObject()) {
            for (JsonNode child : node) {
                walk(child, step + 1, found);
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
