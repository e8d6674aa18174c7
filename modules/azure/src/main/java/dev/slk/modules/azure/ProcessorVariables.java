/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import java.util.List;

/** The environment variables slk sets on the processor; the config's environment may not redefine them. */
final class ProcessorVariables {
    static final String EVENT_QUEUE_URL = "EVENT_QUEUE_URL";
    static final String CREDENTIALS_SECRET_NAME = "CREDENTIALS_SECRET_NAME";
    static final String CHECKPOINT_TABLE_NAME = "CHECKPOINT_TABLE_NAME";
    static final String START_POSITION = "START_POSITION";
    static final String MAX_EVENTS = "MAX_EVENTS";
    static final String MAX_BYTES = "MAX_BYTES";
    static final String MAX_SECONDS = "MAX_SECONDS";
    static final String RECEIVE_BATCH_SIZE = "RECEIVE_BATCH_SIZE";
    static final String RECEIVE_WAIT_SECONDS = "RECEIVE_WAIT_SECONDS";
    static final String CONSUMER_GROUP = "CONSUMER_GROUP";
    static final String SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";
    static final String LOG_LEVEL = "POWERTOOLS_LOG_LEVEL";

    /** Every variable slk sets, including the kit's own. */
    static final List<String> ALL = List.of(EVENT_QUEUE_URL, CREDENTIALS_SECRET_NAME, CHECKPOINT_TABLE_NAME,
            START_POSITION, MAX_EVENTS, MAX_BYTES, MAX_SECONDS, RECEIVE_BATCH_SIZE, RECEIVE_WAIT_SECONDS,
            CONSUMER_GROUP, SERVICE_NAME);

    private ProcessorVariables() {
    }
}
