package dev.slk.lambda.transformer;

import java.util.List;
import java.util.Map;

/**
 * What one batch gave.
 *
 * @param failures the messages to report as batch item failures, with why, in batch order
 * @param objects the objects written, in write order
 */
public record BatchResult(Map<String, String> failures, List<WrittenObject> objects) {
    public BatchResult {
        failures = Map.copyOf(failures);
        objects = List.copyOf(objects);
    }
}
