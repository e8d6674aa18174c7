package dev.slk.lambda.transformer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event taken from a queue message.
 *
 * @param event the event as the module sent it
 * @param moduleId {@code event_metadata.module_id} of its envelope, or null
 * @param mappingId {@code event_metadata.mapping_id} of its envelope, or null
 */
public record SourceEvent(JsonNode event, String moduleId, String mappingId) {
}
