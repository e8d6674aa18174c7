package dev.slk.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way a Java map is handed to a CDK construct.
 *
 * <p>jsii serializes a map in its iteration order, and CDK writes that order into the template.
 * {@code Map.of}, {@code Map.copyOf} and {@code HashMap} iterate in an order that changes from
 * one JVM process to the next ({@code Map.of} is salted per process), so a map of two or more
 * entries passed as such makes {@code slk synth} differ between runs. Every map that crosses
 * into CDK (environment variables, conditions, metric-math metrics, dimensions, context) goes
 * through {@link #sorted(Map)}; a test in the stack module forbids the unordered kinds there.
 */
public final class JsiiMaps {

    private JsiiMaps() {
    }

    /**
     * A copy of {@code map} ordered by key, with nested maps (also inside lists) ordered the same
     * way, so its serialization is the same in every process.
     *
     * @param map any map with string keys; values may be maps or lists of them
     * @param <V> the value type
     * @return an unmodifiable map that iterates in key order
     */
    public static <V> Map<String, V> sorted(Map<String, ? extends V> map) {
        Map<String, V> ordered = new LinkedHashMap<>();
        new TreeMap<String, V>(map).forEach((key, value) -> ordered.put(key, ordered(value)));
        return Collections.unmodifiableMap(ordered);
    }

    @SuppressWarnings("unchecked")
    private static <V> V ordered(V value) {
        if (value instanceof Map<?, ?> nested) {
            return (V) sorted((Map<String, ?>) nested);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(ordered(element)));
            return (V) Collections.unmodifiableList(copy);
        }
        return value;
    }
}
