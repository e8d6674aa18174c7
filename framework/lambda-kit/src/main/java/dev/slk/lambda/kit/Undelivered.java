package dev.slk.lambda.kit;

/**
 * An event the event queue did not accept, and why.
 *
 * @param index the event's position in the list given to {@link EventQueueSender#send}
 * @param reason why it was not accepted
 * @param code SQS's error code when SQS gave one, otherwise the reason's name
 * @param detail one line for the log; never quotes the event
 */
public record Undelivered(int index, Reason reason, String code, String detail) {
    /** Why an event was not accepted. */
    public enum Reason {
        /** Not a JSON object: the transformer reads only objects as events. Never sent. */
        NOT_AN_OBJECT(false),
        /** Nested deeper than the transformer reads ({@link EventQueueSender#MAX_EVENT_DEPTH}). Never sent. */
        TOO_DEEP(false),
        /** Larger than one message can hold, even alone in its envelope. Never sent. */
        TOO_LARGE(false),
        /** SQS refused its message as the sender's fault (malformed, access denied, no such queue). */
        REFUSED(false),
        /** SQS kept failing its message for a passing reason (throttling, an internal error) until the attempts ran out. */
        RETRIES_EXHAUSTED(true),
        /** The time budget ran out before its message was accepted. */
        OUT_OF_TIME(true),
        /** The thread was interrupted while waiting to retry. */
        INTERRUPTED(true);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** @return whether sending the same event again later may succeed */
        public boolean isTransient() {
            return transientFailure;
        }
    }
}
