package dev.slk.spi;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A CloudWatch metric that tells whether a module is healthy. slk creates one alarm per health
 * check and sends its notifications to the monitoring topic.
 *
 * @param name alarm name suffix, letters, digits and hyphens; unique within the module
 * @param description what it means when the alarm fires, and what to do
 * @param namespace the metric namespace, for example {@code AWS/Lambda}
 * @param metricName the metric, for example {@code Errors}
 * @param dimensions metric dimensions; values may be CDK tokens
 * @param statistic {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum},
 *     {@code SampleCount} or a percentile such as {@code p99}
 * @param comparison how the statistic is compared with the threshold
 * @param threshold the threshold
 * @param periodSeconds the period, a positive multiple of 60
 * @param evaluationPeriods how many periods are evaluated, at least 1
 */
public record HealthCheck(
        String name,
        String description,
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        String statistic,
        Comparison comparison,
        double threshold,
        int periodSeconds,
        int evaluationPeriods) {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
    private static final Pattern STATISTIC =
            Pattern.compile("^(Sum|Average|Minimum|Maximum|SampleCount|p\\d{1,2}(\\.\\d+)?)$");

    /** How the metric is compared with the threshold. */
    public enum Comparison {
        /** Alarm when the statistic is at or above the threshold. */
        GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        /** Alarm when the statistic is above the threshold. */
        GREATER_THAN_THRESHOLD,
        /** Alarm when the statistic is below the threshold. */
        LESS_THAN_THRESHOLD,
        /** Alarm when the statistic is at or below the threshold. */
        LESS_THAN_OR_EQUAL_TO_THRESHOLD
    }

    /**
     * Checks the invariants CloudWatch enforces, so they fail at synthesis.
     *
     * @param name alarm name suffix, letters, digits and hyphens; unique within the module
     * @param description what it means when the alarm fires, and what to do
     * @param namespace the metric namespace, for example {@code AWS/Lambda}
     * @param metricName the metric, for example {@code Errors}
     * @param dimensions metric dimensions; values may be CDK tokens
     * @param statistic {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum}, {@code SampleCount} or a percentile such as {@code p99}
     * @param comparison how the statistic is compared with the threshold
     * @param threshold the threshold
     * @param periodSeconds the period, a positive multiple of 60
     * @param evaluationPeriods how many periods are evaluated, at least 1
     */
    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(comparison, "comparison");
        description = description == null ? "" : description;
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("health check name '" + name
                    + "' is invalid: use letters, digits and hyphens, at most 64");
        }
        if (!STATISTIC.matcher(statistic).matches()) {
            throw new IllegalArgumentException("health check " + name + ": unknown statistic '" + statistic + "'");
        }
        if (periodSeconds < 60 || periodSeconds % 60 != 0) {
            throw new IllegalArgumentException(
                    "health check " + name + ": period must be a positive multiple of 60 seconds, not " + periodSeconds);
        }
        if (evaluationPeriods < 1) {
            throw new IllegalArgumentException("health check " + name + ": evaluationPeriods must be at least 1");
        }
    }
}
