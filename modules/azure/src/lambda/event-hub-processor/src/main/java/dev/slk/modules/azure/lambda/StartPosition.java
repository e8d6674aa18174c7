/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Where reading a partition starts. */
public sealed interface StartPosition {
    /** After the event with this sequence number (the filter {@code x-opt-sequence-number > 'N'}). */
    record After(long sequenceNumber) implements StartPosition {
    }

    /** The oldest event the partition retains. */
    record Earliest() implements StartPosition {
    }

    /** Events enqueued after this time. */
    record EnqueuedAfter(Instant time) implements StartPosition {
    }

    /** The newest event: the partition's end when the run starts. */
    record Latest() implements StartPosition {
    }

    /**
     * @param text {@code latest}, {@code earliest} or an ISO-8601 instant (the config's startPosition)
     * @return the position
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    static StartPosition parse(String text) {
        if (text == null || text.isBlank() || text.equals("latest")) {
            return new Latest();
        }
        if (text.equals("earliest")) {
            return new Earliest();
        }
        try {
            return new EnqueuedAfter(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("START_POSITION '" + text + "' is neither latest, earliest nor an "
                    + "ISO-8601 instant");
        }
    }
}
