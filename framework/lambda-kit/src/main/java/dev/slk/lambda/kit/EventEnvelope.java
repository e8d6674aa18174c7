package dev.slk.lambda.kit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The JSON object that carries several events in one event-queue message, in one of the two forms
 * the core event transformer reads as a list of events (docs/EVENT_TRANSFORMER.md).
 */
public sealed interface EventEnvelope {
    /** @return the body text before the first event */
    String prefix();

    /** @return the body text after the last event */
    String suffix();

    /** @return {@code {"events": [...]}}: the transformer tries every mapping on each event */
    static EventEnvelope events() {
        return new Events();
    }

    /**
     * @param moduleId the sending module's id
     * @return {@code {"event_data": [...], "event_metadata": {"module_id": ...}}}: the transformer tries
     *     that module's mappings first and names the module in its error messages
     */
    static EventEnvelope module(String moduleId) {
        return new Module(moduleId);
    }

    /** {@code {"events": [...]}}. */
    record Events() implements EventEnvelope {
        @Override
        public String prefix() {
            return "{\"events\":[";
        }

        @Override
        public String suffix() {
            return "]}";
        }
    }

    /**
     * {@code {"event_metadata": {"module_id": ...}, "event_data": [...]}}.
     *
     * @param moduleId the sending module's id; not blank
     */
    record Module(String moduleId) implements EventEnvelope {
        /** @throws IllegalArgumentException when the id is null or blank */
        public Module {
            if (moduleId == null || moduleId.isBlank()) {
                throw new IllegalArgumentException("the module envelope needs a module id");
            }
        }

        @Override
        public String prefix() {
            return "{\"event_metadata\":{\"module_id\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(moduleId))
                    + "\"},\"event_data\":[";
        }

        @Override
        public String suffix() {
            return "]}";
        }
    }
}
