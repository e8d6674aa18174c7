package dev.slk.lambda.kit;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown by {@link SendResult#orThrow()} when the event queue did not accept every event: a
 * handler lets it fail the invocation so that Lambda retries it, and the dead-letter queue
 * receives it once the retries are spent. The message counts the events by reason; it never
 * quotes an event.
 */
public final class UndeliveredEventsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SendResult.Incomplete result;

    /** @param result the incomplete send */
    public UndeliveredEventsException(SendResult.Incomplete result) {
        super(summary(result));
        this.result = result;
    }

    /** @return the send that failed, with each undelivered event and its reason */
    public SendResult.Incomplete result() {
        return result;
    }

    private static String summary(SendResult.Incomplete result) {
        Map<Undelivered.Reason, Long> byReason = result.undelivered().stream()
                .collect(Collectors.groupingBy(Undelivered::reason, () -> new EnumMap<>(Undelivered.Reason.class),
                        Collectors.counting()));
        Undelivered first = result.undelivered().get(0);
        int total = result.accepted().size() + result.undelivered().size();
        return result.undelivered().size() + " of " + total + " events were not accepted by the event queue ("
                + byReason.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + "); first: event " + first.index() + ", " + first.code() + ": " + first.detail();
    }
}
