/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

/**
 * A run that did not bring every message it pulled into the event queue, or could not
 * acknowledge them: the invocation fails, so that Lambda's retries, the dead-letter queue and the
 * errors alarm see it. Every message not acknowledged is redelivered by Pub/Sub.
 */
final class PollFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RunSummary summary;

    PollFailedException(String message, RunSummary summary, Throwable cause) {
        super(message, cause);
        this.summary = summary;
    }

    /** @return what the run did before it failed */
    RunSummary summary() {
        return summary;
    }
}
