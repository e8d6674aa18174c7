package dev.slk.lambda.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalEventsTest {

    @Test
    void theScheduledEventIsWhatEventBridgeSendsAtTheCurrentTime() {
        Instant before = Instant.now();
        Map<String, Object> event = LocalEvents.scheduled();
        Instant time = Instant.parse((String) event.get("time"));

        assertEquals("Scheduled Event", event.get("detail-type"));
        assertEquals("aws.events", event.get("source"));
        assertEquals("0", event.get("version"));
        assertFalse(time.isBefore(before.minus(Duration.ofSeconds(1))), "time " + time + " is before the call");
    }
}
