package dev.slk.lambda.kit;

import java.util.List;

/**
 * What {@link EventQueueSender#send} did with each event: every event given is either in
 * {@link #accepted()} or in {@link Incomplete#undelivered()}, never both, never neither.
 *
 * <p>A handler that must not lose events fails its invocation on {@link Incomplete}
 * ({@link #orThrow()}), so that Lambda retries it and, after the retries, the function's
 * dead-letter queue receives it. A retry sends the accepted events again: delivery is at least
 * once, and the transformer's writes are idempotent per batch, not per event.
 */
public sealed interface SendResult {
    /** @return the indexes of the events the queue accepted, ascending */
    List<Integer> accepted();

    /** @return the SendMessageBatch calls made, retries included */
    int apiCalls();

    /** @return the messages the queue accepted (each carries one or more events) */
    int messages();

    /**
     * @return this result when every event was accepted
     * @throws UndeliveredEventsException when some were not; its message counts and names them
     */
    SendResult orThrow();

    /**
     * Every event was accepted.
     *
     * @param accepted the indexes of all events, ascending
     * @param apiCalls the SendMessageBatch calls made
     * @param messages the messages accepted
     */
    record Delivered(List<Integer> accepted, int apiCalls, int messages) implements SendResult {
        /** Copies the list. */
        public Delivered {
            accepted = List.copyOf(accepted);
        }

        @Override
        public SendResult orThrow() {
            return this;
        }
    }

    /**
     * Some events were not accepted.
     *
     * @param accepted the indexes of the events accepted, ascending
     * @param undelivered the others, by index
     * @param apiCalls the SendMessageBatch calls made
     * @param messages the messages accepted
     */
    record Incomplete(List<Integer> accepted, List<Undelivered> undelivered, int apiCalls, int messages)
            implements SendResult {
        /** Copies the lists. */
        public Incomplete {
            accepted = List.copyOf(accepted);
            undelivered = List.copyOf(undelivered);
        }

        @Override
        public SendResult orThrow() {
            throw new UndeliveredEventsException(this);
        }
    }
}
