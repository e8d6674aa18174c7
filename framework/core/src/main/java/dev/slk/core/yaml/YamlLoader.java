package dev.slk.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.text.Echo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into a JSON tree while keeping the line and column of every key and value.
 *
 * <p>SnakeYAML composes the node graph (with its limits on aliases, nesting and size); this class
 * converts it, so that schema errors found later on the tree can be reported at the right line.
 * Scalars are typed by the YAML 1.2 core schema: {@code yes}, {@code no}, {@code on} and
 * {@code off} stay strings instead of becoming booleans as YAML 1.1 would have it.
 */
public final class YamlLoader {
    /** More aliases to collections than this is refused: the classic alias bomb needs many. */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** A document that expands to more nodes than this through aliases is refused. */
    static final int MAX_NODES = 200_000;
    static final int MAX_DEPTH = 64;
    /**
     * Numbers longer than this, or with a decimal exponent beyond {@link #MAX_EXPONENT}, are read
     * as infinities: every limit slk checks is far smaller, and parsing or comparing such numbers
     * exactly costs time that grows faster than their length.
     */
    static final int MAX_NUMBER_CHARS = 400;
    static final int MAX_EXPONENT = 400;

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /**
     * Reads and parses a file.
     *
     * @param file the file
     * @param displayName the name used in locations and messages
     * @return the document
     * @throws UnreadableInputException when the file cannot be read or is not a single YAML document
     */
    public YamlDocument load(Path file, String displayName) throws UnreadableInputException {
        return parse(TextFiles.readUtf8(file, displayName), displayName);
    }

    /**
     * Parses text.
     *
     * @param text YAML text
     * @param displayName the name used in locations and messages
     * @return the document
     * @throws UnreadableInputException when the text is not a single YAML document or exceeds a limit
     */
    public YamlDocument parse(String text, String displayName) throws UnreadableInputException {
        displayName = Echo.escape(displayName);
        Node root;
        try {
            LoaderOptions options = options();
            root = new Composer(new ParserImpl(new WholeTextReader(text), options), new CoreSchemaResolver(), options)
                    .getSingleNode();
        } catch (ReaderException e) {
            throw new UnreadableInputException(atCodePoint(displayName, text, e.getPosition()), String.format(
                    "contains the character U+%04X, which YAML does not allow; remove it or write it as an escape "
                            + "in a double-quoted string", e.getCodePoint()));
        } catch (MarkedYAMLException e) {
            throw new UnreadableInputException(at(displayName, e.getProblemMark()), "invalid YAML: " + describe(e));
        } catch (YAMLException e) {
            throw new UnreadableInputException(SourceLocation.ofFile(displayName), refusal(e.getMessage()));
        }
        Conversion conversion = new Conversion(displayName);
        JsonNode tree = root == null ? nodes.nullNode() : conversion.convert(root, "", 0);
        if (root != null) {
            conversion.valueLocations.put("", at(displayName, root.getStartMark()));
        }
        return new YamlDocument(displayName, tree, conversion.keyLocations, conversion.valueLocations,
                conversion.problems, conversion.numbers);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) TextFiles.MAX_BYTES + 1);
        options.setMergeOnCompose(false);
        return options;
    }

    /** Line and column of the code point at {@code offset}. */
    private static SourceLocation atCodePoint(String file, String text, int offset) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < offset; i += Character.charCount(text.codePointAt(i)), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        String context = e.getContext();
        return context == null ? problem : problem + " (" + context + ")";
    }

    private static String refusal(String message) {
        if (message != null && message.contains("aliases")) {
            return "refused: more than " + MAX_COLLECTION_ALIASES
                    + " aliases to collections (a YAML alias bomb?); write the values out";
        }
        if (message != null && message.contains("Nesting Depth")) {
            return "refused: nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message != null && message.contains("code points")) {
            return "refused: larger than " + TextFiles.MAX_BYTES + " characters";
        }
        return "invalid YAML: " + message;
    }

    private static SourceLocation at(String file, Mark mark) {
        return mark == null ? SourceLocation.ofFile(file)
                : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Escapes a key for a JSON pointer (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private final class Conversion {
        private final String file;
        private final Map<String, SourceLocation> keyLocations = new HashMap<>();
        private final Map<String, SourceLocation> valueLocations = new HashMap<>();
        private final List<Finding> problems = new ArrayList<>();
        private final Map<String, String> numbers = new HashMap<>();
        private final Set<Node> onPath = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private int converted;

        Conversion(String file) {
            this.file = file;
        }

        JsonNode convert(Node node, String pointer, int depth) throws UnreadableInputException {
            if (++converted > MAX_NODES) {
                throw new UnreadableInputException(SourceLocation.ofFile(file), "refused: the document expands to more than "
                        + MAX_NODES + " values through aliases (a YAML alias bomb?)");
            }
            if (depth > MAX_DEPTH) {
                throw new UnreadableInputException(at(file, node.getStartMark()),
                        "refused: nested deeper than " + MAX_DEPTH + " levels");
            }
            if (!onPath.add(node)) {
                throw new UnreadableInputException(at(file, node.getStartMark()),
                        "refused: an alias refers to a node that contains it (recursive YAML)");
            }
            try {
                if (node instanceof MappingNode mapping) {
                    return mapping(mapping, pointer, depth);
                }
                if (node instanceof SequenceNode sequence) {
                    ArrayNode array = nodes.arrayNode();
                    List<Node> items = sequence.getValue();
                    for (int i = 0; i < items.size(); i++) {
                        String itemPointer = pointer + "/" + i;
                        SourceLocation where = at(file, items.get(i).getStartMark());
                        keyLocations.put(itemPointer, where);
                        valueLocations.put(itemPointer, where);
                        array.add(convert(items.get(i), itemPointer, depth + 1));
                    }
                    return array;
                }
                JsonNode value = scalar((ScalarNode) node, pointer);
                if (value.isNumber()) {
                    numbers.put(pointer, ((ScalarNode) node).getValue());
                }
                return value;
            } finally {
                onPath.remove(node);
            }
        }

        private ObjectNode mapping(MappingNode mapping, String pointer, int depth) throws UnreadableInputException {
            ObjectNode object = nodes.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                SourceLocation keyAt = at(file, keyNode.getStartMark());
                if (!(keyNode instanceof ScalarNode scalarKey)) {
                    problems.add(new Finding("yaml.key", Severity.HIGH, keyAt, pointer,
                            "a key must be a plain string, not a list or mapping", null));
                    continue;
                }
                if ("<<".equals(scalarKey.getValue()) && scalarKey.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                    problems.add(new Finding("yaml.merge-key", Severity.HIGH, keyAt, pointer,
                            "merge keys (<<) are not supported", "write the merged keys out"));
                    continue;
                }
                String key = scalarKey.getValue();
                String childPointer = pointer + "/" + escape(key);
                if (object.has(key)) {
                    SourceLocation first = keyLocations.get(childPointer);
                    problems.add(new Finding("yaml.duplicate-key", Severity.HIGH, keyAt, childPointer,
                            "duplicate key " + Echo.quoted(key) + " (first defined at line " + first.line() + ")",
                            "remove one of the two; YAML keeps only one of them"));
                    continue;
                }
                keyLocations.put(childPointer, keyAt);
                valueLocations.put(childPointer, at(file, tuple.getValueNode().getStartMark()));
                object.set(key, convert(tuple.getValueNode(), childPointer, depth + 1));
            }
            return object;
        }

        private JsonNode scalar(ScalarNode scalar, String pointer) {
            String text = scalar.getValue();
            Tag tag = scalar.getTag();
            Optional<String> refused = refusedByTag(tag, text);
            if (refused.isPresent()) {
                // Only an explicit tag (!!int y) can pair a type with text that is not of it; the
                // text is kept as written, so the schema judges what the file holds.
                String name = "!!" + tag.getValue().substring(Tag.PREFIX.length());
                problems.add(new Finding("yaml.tag", Severity.HIGH, at(file, scalar.getStartMark()), pointer,
                        Echo.quoted(text) + " is tagged " + name + " but is not " + refused.get(),
                        "remove the tag " + name + " or write " + refused.get()));
                return nodes.textNode(text);
            }
            if (Tag.NULL.equals(tag)) {
                return nodes.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return nodes.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
            }
            if (Tag.INT.equals(tag)) {
                return integer(text);
            }
            if (Tag.FLOAT.equals(tag)) {
                return decimal(text);
            }
            return nodes.textNode(text);
        }

        /** @return what {@code text} would have to be for {@code tag}, when it is not */
        private static Optional<String> refusedByTag(Tag tag, String text) {
            if (Tag.INT.equals(tag) && !CoreSchemaResolver.INT.matcher(text).matches()) {
                return Optional.of("an integer (decimal, 0x or 0o)");
            }
            if (Tag.FLOAT.equals(tag) && !CoreSchemaResolver.FLOAT.matcher(text).matches()) {
                return Optional.of("a number");
            }
            if (Tag.BOOL.equals(tag) && !CoreSchemaResolver.BOOL.matcher(text).matches()) {
                return Optional.of("true or false");
            }
            if (Tag.NULL.equals(tag) && !CoreSchemaResolver.NULL.matcher(text).matches()) {
                return Optional.of("null, ~ or nothing");
            }
            return Optional.empty();
        }

        private JsonNode integer(String text) {
            String t = text.startsWith("+") ? text.substring(1) : text;
            if (t.length() > MAX_NUMBER_CHARS) {
                return beyondRange(t.startsWith("-"));
            }
            BigInteger value;
            if (t.startsWith("0x")) {
                value = new BigInteger(t.substring(2), 16);
            } else if (t.startsWith("0o")) {
                value = new BigInteger(t.substring(2), 8);
            } else {
                value = new BigInteger(t);
            }
            if (value.bitLength() < 32) {
                return nodes.numberNode(value.intValue());
            }
            return value.bitLength() < 64 ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
        }

        private JsonNode decimal(String text) {
            String t = text.toLowerCase(java.util.Locale.ROOT);
            if (t.endsWith(".inf")) {
                return nodes.numberNode(t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (t.equals(".nan")) {
                return nodes.numberNode(Double.NaN);
            }
            if (t.length() > MAX_NUMBER_CHARS) {
                return beyondRange(t.startsWith("-"));
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                // An exponent beyond an int: 1e9999999999.
                return t.contains("e-") ? nearZero(t.startsWith("-")) : beyondRange(t.startsWith("-"));
            }
            int magnitude = value.precision() - value.scale();
            if (value.signum() != 0 && magnitude > MAX_EXPONENT) {
                return beyondRange(value.signum() < 0);
            }
            if (value.signum() != 0 && magnitude < -MAX_EXPONENT) {
                return nearZero(value.signum() < 0);
            }
            if (magnitude > 18 && value.stripTrailingZeros().scale() <= 0) {
                // A whole number beyond a long (1e309): the schema validator compares decimals of
                // that size through their long value, so hand it the exact integer instead.
                return nodes.numberNode(value.toBigIntegerExact());
            }
            return nodes.numberNode(value);
        }

        /** Beyond every range slk checks: kept as an infinity, so no check expands it digit by digit. */
        private JsonNode beyondRange(boolean negative) {
            return nodes.numberNode(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }

        /** A non-zero number too close to zero to matter: still not zero, and not whole. */
        private JsonNode nearZero(boolean negative) {
            return nodes.numberNode(negative ? -Double.MIN_VALUE : Double.MIN_VALUE);
        }
    }

    /** YAML 1.2 core schema: only true/false are booleans, integers are decimal, 0x or 0o. */
    private static final class CoreSchemaResolver extends Resolver {
        private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        private static final Pattern INT = Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$");
        private static final Pattern FLOAT = Pattern.compile(
                "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
        private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
        }
    }
}
