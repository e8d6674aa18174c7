package dev.slk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a semantic rule sees: the effective configuration (defaults and overrides applied) and
 * the file it came from, so that every finding lands on the line that set the value.
 *
 * <p>Values are read leniently: a value of the wrong type reads as absent, because the schema
 * layer has already reported it and one mistake should give one message.
 */
final class RuleContext {
    private final YamlDocument document;
    private final JsonNode config;
    private final Map<String, String> overrideOrigins;
    private final List<Finding> findings = new ArrayList<>();

    RuleContext(YamlDocument document, JsonNode config, Map<String, String> overrideOrigins) {
        this.document = document;
        this.config = config;
        this.overrideOrigins = overrideOrigins;
    }

    JsonNode config() {
        return config;
    }

    YamlDocument document() {
        return document;
    }

    List<Finding> findings() {
        return findings;
    }

    Optional<String> text(String pointer) {
        JsonNode node = config.at(pointer);
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    OptionalInt integer(String pointer) {
        JsonNode node = config.at(pointer);
        return node.isIntegralNumber() && node.canConvertToInt() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }

    /** An integer of any size; values beyond a long read as Long.MIN/MAX_VALUE, so range checks still fire. */
    java.util.OptionalLong wholeNumber(String pointer) {
        JsonNode node = config.at(pointer);
        if (!node.isIntegralNumber()) {
            return java.util.OptionalLong.empty();
        }
        if (node.canConvertToLong()) {
            return java.util.OptionalLong.of(node.asLong());
        }
        return java.util.OptionalLong.of(node.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
    }

    boolean enabled(String pointer) {
        return config.at(pointer).asBoolean(false);
    }

    /** True when the value was written in the file (not a default). */
    boolean written(String pointer) {
        return document.contains(pointer) || overrideOrigins.containsKey(pointer);
    }

    void error(String rule, String pointer, String message, String hint) {
        add(rule, Severity.HIGH, pointer, message, hint);
    }

    void warning(String rule, String pointer, String message, String hint) {
        add(rule, Severity.MEDIUM, pointer, message, hint);
    }

    void add(String rule, Severity severity, String pointer, String message, String hint) {
        String origin = overrideOrigins.getOrDefault(pointer, pointer);
        // Scalars are reported at their value; mappings, lists and keys that are not in the file
        // (missing, or defaulted) at the key that introduces them.
        boolean scalar = document.contains(origin) && document.root().at(origin).isValueNode();
        SourceLocation location = scalar ? document.valueLocation(origin) : document.keyLocation(origin);
        String suffix = origin.equals(pointer) ? "" : " (set by " + origin + ")";
        findings.add(new Finding(rule, severity, location, origin, message + suffix, hint));
    }
}
