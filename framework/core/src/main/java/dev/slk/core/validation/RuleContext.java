package dev.slk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.text.Echo;
import dev.slk.core.yaml.YamlDocument;
import java.math.BigDecimal;
import java.math.BigInteger;
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

    /** A whole number that fits an int, as the model binds it (see {@link #wholeNumber}). */
    OptionalInt integer(String pointer) {
        return wholeNumber(pointer).filter(n -> n.bitLength() < 32).map(n -> OptionalInt.of(n.intValue()))
                .orElse(OptionalInt.empty());
    }

    /**
     * A whole number of any size: an integer, or a decimal whose value is whole ({@code 1e3},
     * {@code 1000.0}), which the schema's {@code integer} accepts and the model binds as 1000.
     * Infinities and fractions read as absent: the schema has reported them.
     */
    Optional<BigInteger> wholeNumber(String pointer) {
        JsonNode node = config.at(pointer);
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue());
        }
        if (!node.isNumber() || node.isDouble() && !Double.isFinite(node.doubleValue())) {
            return Optional.empty();
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() == 0) {
            return Optional.of(BigInteger.ZERO);
        }
        BigDecimal whole = value.stripTrailingZeros();
        return whole.scale() <= 0 ? Optional.of(whole.toBigIntegerExact()) : Optional.empty();
    }

    /**
     * @param pointer JSON pointer of a number in the effective configuration
     * @return the number as the file writes it ({@code 1e3}), for messages
     */
    String shown(String pointer) {
        String origin = overrideOrigins.getOrDefault(pointer, pointer);
        return document.writtenNumber(origin).map(Echo::text).orElseGet(() -> Echo.text(config.at(pointer).asText()));
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
