package dev.slk.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Secrets;
import dev.slk.core.findings.Severity;
import dev.slk.core.text.Echo;
import dev.slk.core.text.LookAlikes;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates part of a YAML document against a JSON Schema (draft 2020-12) and reports each
 * violation as a finding at the line and column of the offending key or value, in words rather
 * than in schema keywords.
 */
public final class SchemaValidation {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonSchema META_SCHEMA =
            FACTORY.getSchema(com.networknt.schema.SchemaLocation.of(DRAFT_2020_12), CONFIG);

    private final JsonSchemaDocument schema;
    private final JsonSchema compiled;

    /**
     * Compiles the schema.
     *
     * @param schema the schema
     */
    public SchemaValidation(JsonSchemaDocument schema) {
        this.schema = schema;
        this.compiled = FACTORY.getSchema(schema.root(), CONFIG);
    }

    /**
     * Validates the node found at {@code base} in the document.
     *
     * @param document the document, for locations
     * @param instance the node to validate (found at {@code base} in the document)
     * @param base JSON pointer of the node within the document, "" for the whole document
     * @param rulePrefix prefix of the rule ids, e.g. {@code schema} or {@code module-schema}
     * @return the violations, in document order
     */
    public List<Finding> validate(YamlDocument document, JsonNode instance, String base, String rulePrefix) {
        List<Finding> findings = new ArrayList<>();
        Map<String, ValidationMessage> first = new LinkedHashMap<>();
        List<ValidationMessage> others = new ArrayList<>();
        for (ValidationMessage message : compiled.validate(instance)) {
            if (ABOUT_A_CHILD.contains(message.getType())) {
                others.add(message);
            } else {
                // One mistake, one finding: a value of the wrong type (.inf for an integer) also
                // breaks its bounds; say only what is most basic about each value.
                first.merge(message.getInstanceLocation().toString(), message,
                        (a, b) -> rank(b.getType()) < rank(a.getType()) ? b : a);
            }
        }
        others.addAll(first.values());
        for (ValidationMessage message : others) {
            findings.add(toFinding(document, message, base, rulePrefix));
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::message));
        return findings;
    }

    /** Keywords whose message is about a key of the value (missing, unknown), not the value itself. */
    private static final java.util.Set<String> ABOUT_A_CHILD = java.util.Set.of("required", "additionalProperties");

    private static int rank(String keyword) {
        return switch (keyword) {
            case "type" -> 0;
            case "enum", "const" -> 1;
            default -> 2;
        };
    }

    private Finding toFinding(YamlDocument document, ValidationMessage message, String base, String rulePrefix) {
        String instancePointer = base + message.getInstanceLocation().toString();
        String keyword = message.getType();
        String schemaPointer = schemaFragment(message);
        JsonNode keywordValue = schema.at(schemaPointer);
        String rule = rulePrefix + "." + keyword;
        String name = lastSegment(instancePointer);
        JsonNode value = message.getInstanceNode();
        boolean secret = Secrets.isSecretKey(name) || writeOnlyAlong(message.getEvaluationPath().toString());
        String described = secret || value == null || !value.isNumber() ? describe(value, secret)
                : document.writtenNumber(instancePointer).map(n -> "the number " + Echo.text(n))
                        .orElseGet(() -> describe(value, false));
        switch (keyword) {
            case "required" -> {
                String property = message.getProperty();
                String pointer = instancePointer + "/" + YamlLoader.escape(property);
                return new Finding(rule, Severity.HIGH, document.keyLocation(instancePointer), pointer,
                        "missing required key " + Echo.quoted(property) + in(instancePointer), null);
            }
            case "additionalProperties" -> {
                String property = message.getProperty();
                String pointer = instancePointer + "/" + YamlLoader.escape(property);
                List<String> known = schema.siblingPropertyNames(schemaPointer);
                Optional<String> suggestion = DidYouMean.suggest(property, known);
                String hint = LookAlikes.withNote(suggestion.map(s -> "did you mean '" + s + "'?")
                        .orElse(known.isEmpty() ? null : "known keys here: " + String.join(", ", known)), property, "key");
                return new Finding(rule, Severity.HIGH, document.keyLocation(pointer), pointer,
                        "unknown key " + Echo.quoted(property) + in(instancePointer), hint);
            }
            case "type" -> {
                String expected = keywordValue.isArray() ? join(keywordValue, " or ") : keywordValue.asText();
                String hint = !secret && "string".equals(expected) && value != null && value.isNumber()
                        ? "quote the value, e.g. '" + document.writtenNumber(instancePointer).map(Echo::text)
                        .orElseGet(value::asText) + "'" : null;
                return violation(document, rule, instancePointer, Echo.quoted(name) + " must be " + article(expected)
                        + ", not " + described, hint);
            }
            case "enum" -> {
                List<String> allowed = new ArrayList<>();
                keywordValue.forEach(v -> allowed.add(v.asText()));
                Optional<String> suggestion = value == null ? Optional.empty()
                        : DidYouMean.suggest(value.asText(), allowed);
                return violation(document, rule, instancePointer, Echo.quoted(name) + " is " + described
                        + "; allowed: " + String.join(", ", allowed),
                        LookAlikes.withNote(suggestion.map(s -> "did you mean " + s + "?").orElse(null),
                                value == null || secret ? null : value.asText(), "value"));
            }
            case "minimum" -> {
                return violation(document, rule, instancePointer, Echo.quoted(name) + " is " + described
                        + "; the minimum is " + keywordValue.asText(), null);
            }
            case "exclusiveMinimum" -> {
                return violation(document, rule, instancePointer, Echo.quoted(name) + " is " + described
                        + "; it must be greater than " + keywordValue.asText(), null);
            }
            case "maximum" -> {
                return violation(document, rule, instancePointer, Echo.quoted(name) + " is " + described
                        + "; the maximum is " + keywordValue.asText(), null);
            }
            case "exclusiveMaximum" -> {
                return violation(document, rule, instancePointer, Echo.quoted(name) + " is " + described
                        + "; it must be less than " + keywordValue.asText(), null);
            }
            case "multipleOf" -> {
                return violation(document, rule, instancePointer, Echo.quoted(name) + " is " + described
                        + "; it must be a multiple of " + keywordValue.asText(), null);
            }
            case "pattern" -> {
                return violation(document, rule, instancePointer, Echo.quoted(name) + " is " + described
                        + ", which does not match " + keywordValue.asText(), null);
            }
            case "minLength", "maxLength", "minItems", "maxItems" -> {
                String bound = keyword.startsWith("min") ? "at least " : "at most ";
                String unit = keyword.endsWith("Length") ? " characters" : " items";
                return violation(document, rule, instancePointer, Echo.quoted(name) + " must have " + bound
                        + keywordValue.asText() + unit, null);
            }
            case "uniqueItems" -> {
                return violation(document, rule, instancePointer, Echo.quoted(name) + " lists the same item twice", null);
            }
            case "format" -> {
                return violation(document, rule, instancePointer, Echo.quoted(name) + " is " + described
                        + ", which is not a valid " + keywordValue.asText(), null);
            }
            default -> {
                return violation(document, rule, instancePointer, Echo.escape(message.getError()), null);
            }
        }
    }

    private static Finding violation(YamlDocument document, String rule, String pointer, String message, String hint) {
        return new Finding(rule, Severity.HIGH, document.valueLocation(pointer), pointer, message, hint);
    }

    private static String schemaFragment(ValidationMessage message) {
        String location = message.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        return hash < 0 ? "" : location.substring(hash + 1);
    }

    private static String in(String pointer) {
        return pointer.isEmpty() ? " at the top level" : " in '" + pointer + "'";
    }

    /** The key's name for a message; list items read as {@code emailEndpoints[0]}. */
    private static String lastSegment(String pointer) {
        if (pointer.isEmpty()) {
            return "(document)";
        }
        int cut = pointer.lastIndexOf('/');
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (!last.isEmpty() && last.chars().allMatch(Character::isDigit)) {
            return lastSegment(pointer.substring(0, cut)) + "[" + last + "]";
        }
        return last;
    }

    private static String join(JsonNode array, String separator) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(separator, parts);
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "an integer";
            default -> "a " + type;
        };
    }

    /**
     * True when a schema on the way to the failing keyword is marked {@code writeOnly}, including
     * one that holds a {@code $ref} to the definition where the keyword is.
     */
    private boolean writeOnlyAlong(String evaluationPath) {
        JsonNode current = schema.root();
        for (String segment : evaluationPath.split("/")) {
            if (current == null || current.isMissingNode()) {
                return false;
            }
            if (current.path("writeOnly").asBoolean(false)) {
                return true;
            }
            if (segment.isEmpty()) {
                continue;
            }
            String key = segment.replace("~1", "/").replace("~0", "~");
            current = "$ref".equals(key) ? schema.resolve(current) : current.path(key);
        }
        return current != null && current.path("writeOnly").asBoolean(false);
    }

    private static void danglingReferences(JsonSchemaDocument schema, JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")
                    && schema.at(ref.asText().substring(1)).isMissingNode()) {
                out.add(path + "/$ref: " + ref.asText() + " refers to nothing in the schema");
            }
            node.properties().forEach(e -> danglingReferences(schema, e.getValue(), path + "/" + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                danglingReferences(schema, node.get(i), path + "/" + i, out);
            }
        }
    }

    /**
     * Checks a schema against the draft 2020-12 meta-schema, so that a module's mistyped schema
     * (say {@code "type": "strin"}) is reported as the module's fault, not the user's.
     *
     * @param schema the schema
     * @return the problems, empty when the schema is valid
     */
    public static List<String> metaSchemaProblems(JsonSchemaDocument schema) {
        JsonNode declared = schema.root().path("$schema");
        if (!declared.isMissingNode() && !DRAFT_2020_12.equals(declared.asText().replaceAll("#$", ""))) {
            return List.of("$schema is " + declared.asText() + "; slk reads " + DRAFT_2020_12);
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : META_SCHEMA.validate(schema.root())) {
            problems.add(m.getInstanceLocation() + ": " + m.getError());
        }
        danglingReferences(schema, schema.root(), "", problems);
        return problems;
    }

    /** Describes a value for a message; long strings are shortened and secrets are never whole. */
    static String describe(JsonNode value, boolean secret) {
        if (secret && value != null && value.isValueNode() && !value.isNull()) {
            return Secrets.redact(value.asText());
        }
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        if (value.isNull()) {
            return "empty (null)";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        if (value.isNumber()) {
            return "the number " + Echo.text(value.asText());
        }
        return Echo.quoted(value.asText());
    }
}
