package dev.slk.lambda.kit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events for invoking a handler outside Lambda, as its local runner and its tests do. */
public final class LocalEvents {
    private LocalEvents() {
    }

    /**
     * @return the event EventBridge sends a scheduled function, as far as a handler reads it: version,
     *     id {@code local-run}, detail-type {@code Scheduled Event}, source {@code aws.events} and
     *     the current time
     */
    public static Map<String, Object> scheduled() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", "local-run");
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("time", Instant.now().toString());
        return event;
    }
}
