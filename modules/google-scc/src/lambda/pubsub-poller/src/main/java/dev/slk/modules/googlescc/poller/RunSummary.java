/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

/**
 * What one run did.
 *
 * @param pulled messages Pub/Sub leased to the run (redeliveries included)
 * @param sent events the event queue accepted
 * @param acknowledged messages acknowledged (exactly those the queue accepted)
 * @param handedBack messages handed back to Pub/Sub (deadline 0) because the queue did not take them
 * @param unreadable messages whose data is not a JSON object; left for the subscription's dead-letter topic
 * @param pullCalls pull calls
 * @param sqsCalls SendMessageBatch calls
 * @param backlog whether the run stopped (time or message limit) while the subscription still had messages
 */
record RunSummary(int pulled, int sent, int acknowledged, int handedBack, int unreadable, int pullCalls, int sqsCalls,
        boolean backlog) {
}
