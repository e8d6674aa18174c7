package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.schema.Attribute;
import dev.slk.ocsf.schema.AttributeType;
import dev.slk.ocsf.schema.OcsfAttributes;
import dev.slk.ocsf.schema.OcsfClass;
import dev.slk.ocsf.schema.OcsfClasses;
import dev.slk.ocsf.schema.RecordCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
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
 * Loads and validates mapping files ({@code mappings/*.yaml} in a module).
 *
 * <p>Everything is checked at load time: YAML syntax, unknown keys, the OCSF class, target paths,
 * JSONPath syntax, converter names and arguments, constant types against the OCSF attribute types,
 * and whether the mapping sets every attribute its class requires. Each problem carries
 * {@code file:line:column}. A file with any problem yields {@link LoadResult.Invalid} and no mappings.
 *
 * <pre>{@code
 * switch (MappingLoader.load(Path.of("modules/azure/mappings/defender-alert.yaml"))) {
 *     case LoadResult.Loaded l -> use(l.mappings());
 *     case LoadResult.Invalid i -> i.problems().forEach(p -> System.err.println(p));
 * }
 * }</pre>
 */
public final class MappingLoader {
    /** Mapping files larger than this are refused. */
    public static final int MAX_BYTES = 1 << 20;

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern TARGET = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$");
    private static final Pattern HOLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    /** OCSF attributes slk derives from the mapping's class; a mapping cannot set them. */
    private static final Set<String> DERIVED = Set.of("class_uid", "class_name", "category_uid", "category_name",
            "type_uid");
    /** Present in every record the engine builds before any rule runs. */
    private static final Set<String> PREFILLED = Set.of("class_uid", "category_uid", "type_uid", "metadata",
            "metadata.version");
    /** ASFF fields the transformer sets from the function's account and region. */
    private static final Set<String> ASFF_FROM_CONTEXT = Set.of("AwsAccountId", "ProductArn", "SchemaVersion");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private MappingLoader(String file) {
        this.file = file;
    }

    /**
     * Loads one mapping file.
     *
     * @param path the file
     * @return the mappings, or every problem found
     */
    public static LoadResult load(Path path) {
        String name = path.toString();
        try {
            if (Files.size(path) > MAX_BYTES) {
                return invalid(name, "larger than " + MAX_BYTES + " bytes; split the file");
            }
            return parse(decode(Files.readAllBytes(path), name), name);
        } catch (CharacterCodingException e) {
            return invalid(name, "not UTF-8 text");
        } catch (IOException e) {
            return invalid(name, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Loads one mapping file from a URL (a classpath resource, for built-in mappings).
     *
     * @param url where the file is
     * @param displayName the name used in problem locations
     * @return the mappings, or every problem found
     */
    public static LoadResult load(URL url, String displayName) {
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return invalid(displayName, "larger than " + MAX_BYTES + " bytes; split the file");
            }
            return parse(decode(bytes, displayName), displayName);
        } catch (CharacterCodingException e) {
            return invalid(displayName, "not UTF-8 text");
        } catch (IOException e) {
            return invalid(displayName, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Loads several files and checks that mapping ids are unique across them.
     *
     * @param paths the files, in the order their mappings should be tried
     * @return all mappings, or every problem in every file
     */
    public static LoadResult loadAll(List<Path> paths) {
        List<Mapping> all = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path p : paths) {
            LoadResult r = load(p);
            if (r instanceof LoadResult.Loaded l) {
                all.addAll(l.mappings());
            } else {
                problems.addAll(((LoadResult.Invalid) r).problems());
            }
        }
        problems.addAll(duplicateIds(all));
        return problems.isEmpty() ? new LoadResult.Loaded(all) : new LoadResult.Invalid(problems);
    }

    /**
     * Parses mapping text.
     *
     * @param text YAML text
     * @param displayName the name used in problem locations
     * @return the mappings, or every problem found
     */
    public static LoadResult parse(String text, String displayName) {
        MappingLoader loader = new MappingLoader(displayName);
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
            return new LoadResult.Invalid(List.of(new Problem(m == null ? new Location(displayName, 1, 1)
                    : new Location(displayName, m.getLine() + 1, m.getColumn() + 1), "invalid YAML: " + problem)));
        } catch (YAMLException e) {
            return invalid(displayName, "invalid YAML: " + e.getMessage());
        }
        if (root == null) {
            return invalid(displayName, "empty file; expected a 'mappings:' list");
        }
        List<Mapping> mappings = loader.file(root);
        loader.problems.addAll(duplicateIds(mappings));
        return loader.problems.isEmpty() ? new LoadResult.Loaded(mappings) : new LoadResult.Invalid(loader.problems);
    }

    static List<Problem> duplicateIds(List<Mapping> mappings) {
        Map<String, Mapping> seen = new HashMap<>();
        List<Problem> out = new ArrayList<>();
        for (Mapping m : mappings) {
            Mapping first = seen.putIfAbsent(m.id(), m);
            if (first != null) {
                out.add(new Problem(m.location(), "mapping id " + m.id() + " is already used at " + first.location()));
            }
        }
        return out;
    }

    private static String decode(byte[] bytes, String name) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    private static LoadResult invalid(String name, String message) {
        return new LoadResult.Invalid(List.of(new Problem(new Location(name, 1, 1), message)));
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(50);
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(MAX_BYTES + 1);
        return new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options),
                new org.yaml.snakeyaml.representer.Representer(new DumperOptions()), new DumperOptions(), options);
    }

    // ---- structure -------------------------------------------------------------------------

    private List<Mapping> file(Node root) {
        Map<String, NodeTuple> top = keys(root, "the file", Set.of("mappings"));
        List<Mapping> out = new ArrayList<>();
        if (top == null) {
            return out;
        }
        NodeTuple list = top.get("mappings");
        if (list == null) {
            problem(root, "expected a 'mappings:' list");
            return out;
        }
        if (!(list.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(list.getValueNode(), "'mappings' must be a non-empty list");
            return out;
        }
        for (Node item : seq.getValue()) {
            Mapping m = mapping(item);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    private Mapping mapping(Node node) {
        int before = problems.size();
        Map<String, NodeTuple> k = keys(node, "a mapping", Set.of("id", "description", "class", "when", "ocsf", "asff"));
        if (k == null) {
            return null;
        }
        String id = requiredText(node, k, "id");
        if (id != null && !ID.matcher(id).matches()) {
            problem(k.get("id").getValueNode(), "mapping id '" + id + "' must be lower-case words joined by '-'");
        }
        String description = k.containsKey("description") ? text(k.get("description").getValueNode(), "description") : "";
        OcsfClass cls = ocsfClass(node, k.get("class"));
        Condition when = null;
        if (k.get("when") == null) {
            problem(node, "mapping " + id + " needs 'when:' conditions; a mapping that matches everything would take every event");
        } else {
            when = conditionList(k.get("when").getValueNode());
        }
        List<FieldRule> ocsf = null;
        if (k.get("ocsf") == null) {
            problem(node, "mapping " + id + " needs an 'ocsf:' block of target attributes");
        } else {
            List<String> targets = new ArrayList<>();
            ocsf = fields(k.get("ocsf").getValueNode(), false, Target.OCSF, targets);
            if (cls != null) {
                checkRequired(cls, targets, k.get("ocsf").getKeyNode());
            }
        }
        List<FieldRule> asff = null;
        if (k.get("asff") != null) {
            List<String> targets = new ArrayList<>();
            asff = fields(k.get("asff").getValueNode(), false, Target.ASFF, targets);
            checkAsffRequired(targets, k.get("asff").getKeyNode());
        }
        if (problems.size() > before || id == null || cls == null || when == null || ocsf == null) {
            return null;
        }
        return new Mapping(id, description, cls, when, ocsf, asff, at(node));
    }

    private OcsfClass ocsfClass(Node mapping, NodeTuple tuple) {
        if (tuple == null) {
            problem(mapping, "mapping needs 'class:' (an OCSF class name such as DETECTION_FINDING, or a class_uid)");
            return null;
        }
        Node v = tuple.getValueNode();
        String s = scalar(v);
        if (s == null) {
            problem(v, "class must be a class name or a class_uid");
            return null;
        }
        Optional<OcsfClass> cls = INT.matcher(s).matches() ? OcsfClasses.byUid(Integer.parseInt(s))
                : OcsfClasses.byName(s);
        if (cls.isEmpty()) {
            problem(v, "'" + s + "' is not an OCSF class Security Lake accepts; use one of "
                    + String.join(", ", OcsfClasses.all().keySet()));
            return null;
        }
        return cls.get();
    }

    // ---- conditions ------------------------------------------------------------------------

    private Condition conditionList(Node node) {
        if (node instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                problem(node, "'when' must list at least one condition");
                return null;
            }
            List<Condition> all = new ArrayList<>();
            for (Node c : seq.getValue()) {
                all.add(condition(c));
            }
            return all.contains(null) ? null : all.size() == 1 ? all.get(0) : new Condition.All(all);
        }
        return condition(node);
    }

    private Condition condition(Node node) {
        Map<String, NodeTuple> k = keys(node, "a condition",
                Set.of("path", "exists", "equals", "contains", "in", "starts_with", "any", "all", "not"));
        if (k == null) {
            return null;
        }
        for (String group : List.of("any", "all")) {
            if (k.containsKey(group)) {
                if (k.size() != 1) {
                    problem(node, "'" + group + "' stands alone in its condition");
                    return null;
                }
                Node list = k.get(group).getValueNode();
                if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                    problem(list, "'" + group + "' needs a non-empty list of conditions");
                    return null;
                }
                List<Condition> parts = new ArrayList<>();
                for (Node c : seq.getValue()) {
                    parts.add(condition(c));
                }
                if (parts.contains(null)) {
                    return null;
                }
                return group.equals("any") ? new Condition.Any(parts) : new Condition.All(parts);
            }
        }
        if (k.containsKey("not")) {
            if (k.size() != 1) {
                problem(node, "'not' stands alone in its condition");
                return null;
            }
            Condition inner = condition(k.get("not").getValueNode());
            return inner == null ? null : new Condition.Not(inner);
        }
        if (!k.containsKey("path")) {
            problem(node, "a condition needs 'path' and one test (exists, equals, contains, in, starts_with), or any/all/not");
            return null;
        }
        JsonPath path = path(k.get("path").getValueNode(), false);
        List<String> tests = k.keySet().stream().filter(t -> !t.equals("path")).toList();
        if (tests.size() != 1) {
            problem(node, "a condition has exactly one test (exists, equals, contains, in, starts_with); found "
                    + (tests.isEmpty() ? "none" : String.join(", ", tests)));
            return null;
        }
        Node arg = k.get(tests.get(0)).getValueNode();
        if (path == null) {
            return null;
        }
        switch (tests.get(0)) {
            case "exists" -> {
                JsonNode b = constant(arg);
                if (b == null || !b.isBoolean()) {
                    problem(arg, "exists takes true or false");
                    return null;
                }
                return new Condition.Exists(path, b.asBoolean());
            }
            case "equals" -> {
                JsonNode v = constant(arg);
                if (v == null || v.isContainerNode()) {
                    problem(arg, "equals takes a single value");
                    return null;
                }
                return new Condition.Equals(path, v);
            }
            case "in" -> {
                JsonNode v = constant(arg);
                if (v == null || !v.isArray() || v.isEmpty()) {
                    problem(arg, "in takes a non-empty list of values");
                    return null;
                }
                List<JsonNode> values = new ArrayList<>();
                v.forEach(values::add);
                return new Condition.In(path, values);
            }
            case "contains" -> {
                String s = text(arg, "contains");
                return s == null ? null : new Condition.Contains(path, s);
            }
            default -> {
                String s = text(arg, "starts_with");
                return s == null ? null : new Condition.StartsWith(path, s);
            }
        }
    }

    // ---- fields ----------------------------------------------------------------------------

    private enum Target { OCSF, ASFF }

    private List<FieldRule> fields(Node node, boolean inEach, Target target, List<String> targetsOut) {
        List<FieldRule> out = new ArrayList<>();
        if (!(node instanceof MappingNode map) || map.getValue().isEmpty()) {
            problem(node, "expected target attributes, one per line: 'target: value'");
            return out;
        }
        Map<String, Node> targets = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String name = scalar(t.getKeyNode());
            if (name == null || !TARGET.matcher(name).matches()) {
                problem(t.getKeyNode(), "target '" + name + "' must be attribute names joined by dots, e.g. finding_info.uid");
                continue;
            }
            if (targets.containsKey(name)) {
                problem(t.getKeyNode(), "target " + name + " is set twice (also at line " + (targets.get(name)
                        .getStartMark().getLine() + 1) + ")");
                continue;
            }
            if (target == Target.OCSF && !inEach && DERIVED.contains(name)) {
                problem(t.getKeyNode(), name + " comes from the mapping's class; remove it");
                continue;
            }
            if (target == Target.ASFF && !inEach && ASFF_FROM_CONTEXT.contains(name)) {
                problem(t.getKeyNode(), name + " is set by the transformer from the function's account and region; remove it");
                continue;
            }
            for (Map.Entry<String, Node> other : targets.entrySet()) {
                if (name.startsWith(other.getKey() + ".") || other.getKey().startsWith(name + ".")) {
                    problem(t.getKeyNode(), "target " + name + " overlaps " + other.getKey() + " (line "
                            + (other.getValue().getStartMark().getLine() + 1) + "); set one or the other");
                    break;
                }
            }
            targets.put(name, t.getKeyNode());
            targetsOut.add(name);
            if (target == Target.OCSF) {
                checkTargetPath(name, t.getKeyNode());
            }
            ValueRule rule = value(t.getValueNode(), inEach, target, name);
            if (rule != null) {
                out.add(new FieldRule(name, rule));
            }
        }
        return out;
    }

    private void checkTargetPath(String name, Node where) {
        String[] segments = name.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            Optional<Attribute> a = OcsfAttributes.byName(segments[i]);
            if (a.isPresent() && (a.get().array() || a.get().type() != AttributeType.OBJECT)
                    && a.get().type() != AttributeType.MAP) {
                problem(where, segments[i] + " is " + (a.get().array() ? "an array" : "not an object")
                        + " in OCSF; " + (a.get().array() ? "fill it with 'each'" : "it cannot hold " + segments[i + 1]));
                return;
            }
        }
    }

    private ValueRule value(Node node, boolean inEach, Target target, String name) {
        Location where = at(node);
        if (!(node instanceof MappingNode)) {
            JsonNode c = constant(node);
            if (c == null) {
                return null;
            }
            if (c.isTextual() && (c.asText().startsWith("$.") || c.asText().startsWith("@.") || c.asText().equals("$"))) {
                problem(node, "'" + c.asText() + "' would be the constant text; write {path: " + c.asText()
                        + "} to read the event");
                return null;
            }
            checkConstant(c, name, node, target);
            return new ValueRule(new ValueRule.Const(c), List.of(), null, where);
        }
        Map<String, NodeTuple> k = keys(node, "a value", Set.of("const", "path", "first", "template", "each", "fields",
                "convert", "default"));
        if (k == null) {
            return null;
        }
        List<String> sources = k.keySet().stream().filter(Set.of("const", "path", "first", "template", "each")::contains)
                .toList();
        if (sources.size() != 1) {
            problem(node, "a value has exactly one of const, path, first, template, each; found "
                    + (sources.isEmpty() ? "none" : String.join(", ", sources)));
            return null;
        }
        String kind = sources.get(0);
        if (k.containsKey("fields") != kind.equals("each")) {
            problem(node, kind.equals("each") ? "'each' needs 'fields:' describing each element" : "'fields' goes with 'each'");
            return null;
        }
        Node arg = k.get(kind).getValueNode();
        ValueRule.Source source = switch (kind) {
            case "const" -> {
                JsonNode c = constant(arg);
                if (c != null) {
                    checkConstant(c, name, arg, target);
                }
                yield c == null ? null : new ValueRule.Const(c);
            }
            case "path" -> {
                JsonPath p = path(arg, inEach);
                yield p == null ? null : new ValueRule.Read(p);
            }
            case "first" -> first(arg, inEach);
            case "template" -> template(arg, inEach);
            default -> each(arg, k.get("fields").getValueNode(), target, name);
        };
        List<Converter> converters = k.containsKey("convert") ? converters(k.get("convert").getValueNode()) : List.of();
        JsonNode fallback = null;
        if (k.containsKey("default")) {
            fallback = constant(k.get("default").getValueNode());
            if (fallback != null) {
                checkConstant(fallback, name, k.get("default").getValueNode(), target);
            }
        }
        return source == null || converters == null ? null : new ValueRule(source, converters, fallback, where);
    }

    private ValueRule.Source first(Node arg, boolean inEach) {
        if (!(arg instanceof SequenceNode seq) || seq.getValue().size() < 2) {
            problem(arg, "first takes a list of two or more paths");
            return null;
        }
        List<JsonPath> paths = new ArrayList<>();
        for (Node p : seq.getValue()) {
            paths.add(path(p, inEach));
        }
        return paths.contains(null) ? null : new ValueRule.First(paths);
    }

    private ValueRule.Source template(Node arg, boolean inEach) {
        String t = text(arg, "template");
        if (t == null) {
            return null;
        }
        List<Object> parts = new ArrayList<>();
        Matcher m = HOLE.matcher(t);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(t.substring(last, m.start()));
            }
            try {
                JsonPath p = JsonPath.compile(m.group(1).strip());
                if (p.relative() && !inEach) {
                    problem(arg, "template hole ${" + m.group(1) + "}: @ paths only work inside 'each'");
                    return null;
                }
                parts.add(p);
            } catch (IllegalArgumentException e) {
                problem(arg, "template hole ${" + m.group(1) + "}: " + e.getMessage());
                return null;
            }
            last = m.end();
        }
        if (last < t.length()) {
            parts.add(t.substring(last));
        }
        if (parts.stream().noneMatch(p -> p instanceof JsonPath)) {
            problem(arg, "template has no ${path} hole; use const for fixed text");
            return null;
        }
        return new ValueRule.Template(parts);
    }

    private ValueRule.Source each(Node arg, Node fieldsNode, Target target, String name) {
        if (target == Target.OCSF) {
            Optional<Attribute> a = OcsfAttributes.byName(lastSegment(name));
            if (a.isPresent() && !(a.get().array() && a.get().type() == AttributeType.OBJECT)) {
                problem(arg, name + " is not an array of objects in OCSF; 'each' builds one");
                return null;
            }
        }
        JsonPath p = path(arg, false);
        List<FieldRule> inner = fields(fieldsNode, true, target, new ArrayList<>());
        return p == null || inner.isEmpty() ? null : new ValueRule.Each(p, inner);
    }

    private List<Converter> converters(Node node) {
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        List<Converter> out = new ArrayList<>();
        for (Node item : items) {
            try {
                if (item instanceof ScalarNode s) {
                    out.add(Converters.of(s.getValue(), null));
                } else if (item instanceof MappingNode m && m.getValue().size() == 1) {
                    NodeTuple t = m.getValue().get(0);
                    String name = scalar(t.getKeyNode());
                    JsonNode arg = constant(t.getValueNode());
                    if (name == null || arg == null) {
                        problem(item, "a converter is a name or {name: argument}");
                        return null;
                    }
                    out.add(Converters.of(name, arg));
                } else {
                    problem(item, "a converter is a name or {name: argument}");
                    return null;
                }
            } catch (IllegalArgumentException e) {
                problem(item, e.getMessage());
                return null;
            }
        }
        return out;
    }

    private JsonPath path(Node node, boolean inEach) {
        String s = text(node, "path");
        if (s == null) {
            return null;
        }
        try {
            JsonPath p = JsonPath.compile(s.strip());
            if (p.relative() && !inEach) {
                problem(node, "path " + s + ": @ paths only work inside 'each' (use $ for the event)");
                return null;
            }
            return p;
        } catch (IllegalArgumentException e) {
            problem(node, "path " + s + ": " + e.getMessage());
            return null;
        }
    }

    private void checkConstant(JsonNode c, String target, Node where, Target kind) {
        if (kind != Target.OCSF) {
            return;
        }
        Optional<Attribute> a = OcsfAttributes.byName(lastSegment(target));
        if (a.isEmpty() || a.get().type() == AttributeType.JSON) {
            return;
        }
        Attribute attr = a.get();
        boolean ok = attr.array() ? c.isArray() && allMatch(c, attr.type()) : RecordCheck.matches(c, attr.type());
        if (!ok) {
            problem(where, target + " is " + (attr.array() ? "an array of " : "") + attr.type().name().toLowerCase(
                    java.util.Locale.ROOT) + " in OCSF; the constant " + Converters.abbreviate(c.toString()) + " does not fit");
        }
    }

    private static boolean allMatch(JsonNode array, AttributeType type) {
        for (JsonNode e : array) {
            if (!RecordCheck.matches(e, type)) {
                return false;
            }
        }
        return true;
    }

    private void checkRequired(OcsfClass cls, List<String> targets, Node where) {
        for (String required : cls.requiredAttributes()) {
            int dot = required.lastIndexOf('.');
            if (dot > 0 && !covered(required.substring(0, dot), targets)) {
                continue;
            }
            if (!covered(required, targets)) {
                problem(where, cls.caption() + " requires " + required + "; the mapping does not set it");
            }
        }
    }

    private static boolean covered(String path, List<String> targets) {
        if (PREFILLED.contains(path)) {
            return true;
        }
        for (String t : targets) {
            if (t.equals(path) || t.startsWith(path + ".") || path.startsWith(t + ".")) {
                return true;
            }
        }
        return false;
    }

    private void checkAsffRequired(List<String> targets, Node where) {
        for (String required : Mapping.ASFF_REQUIRED) {
            if (targets.stream().noneMatch(t -> t.equals(required) || t.startsWith(required + "."))) {
                problem(where, "an ASFF finding requires " + required + "; the asff block does not set it");
            }
        }
    }

    // ---- YAML helpers ----------------------------------------------------------------------

    private Map<String, NodeTuple> keys(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "expected " + what + " (key: value lines)");
            return null;
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null || !allowed.contains(key)) {
                problem(t.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            } else if (out.containsKey(key)) {
                problem(t.getKeyNode(), "'" + key + "' is given twice");
            } else {
                out.put(key, t);
            }
        }
        return out;
    }

    private String requiredText(Node owner, Map<String, NodeTuple> k, String key) {
        if (!k.containsKey(key)) {
            problem(owner, "missing '" + key + "'");
            return null;
        }
        return text(k.get(key).getValueNode(), key);
    }

    private String text(Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(node, what + " must be text");
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /** YAML 1.2 core schema typing of a constant: quoted scalars stay text. */
    private JsonNode constant(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
                return f.textNode(v);
            }
            if (v.equals("true") || v.equals("false")) {
                return f.booleanNode(Boolean.parseBoolean(v));
            }
            if (v.equals("null") || v.equals("~") || v.isEmpty()) {
                return f.nullNode();
            }
            if (INT.matcher(v).matches()) {
                BigInteger n = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
                return n.bitLength() < 32 ? f.numberNode(n.intValue())
                        : n.bitLength() < 64 ? f.numberNode(n.longValue()) : f.numberNode(n);
            }
            if (FLOAT.matcher(v).matches() && v.chars().anyMatch(Character::isDigit)) {
                return f.numberNode(Double.parseDouble(v));
            }
            return f.textNode(v);
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode out = f.arrayNode();
            for (Node n : seq.getValue()) {
                JsonNode v = constant(n);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        MappingNode map = (MappingNode) node;
        ObjectNode out = f.objectNode();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            JsonNode v = constant(t.getValueNode());
            if (key == null) {
                problem(t.getKeyNode(), "object keys must be text");
                return null;
            }
            if (v == null) {
                return null;
            }
            out.set(key, v);
        }
        return out;
    }

    private static String lastSegment(String target) {
        return target.substring(target.lastIndexOf('.') + 1);
    }

    private Location at(Node node) {
        Mark m = node.getStartMark();
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private void problem(Node node, String message) {
        problems.add(new Problem(at(node), message));
    }
}
