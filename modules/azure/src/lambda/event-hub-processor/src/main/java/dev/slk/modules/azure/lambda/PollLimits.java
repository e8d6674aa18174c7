/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * What one invocation may read.
 *
 * @param maxEvents events over all partitions
 * @param maxBytes bytes of event bodies over all partitions
 * @param batchSize events asked of a partition per receive call
 * @param receiveWait how long a receive call waits; a partition that returns fewer events than
 *     asked within it is drained for this run
 * @param startPosition where a partition without a checkpoint starts
 */
public record PollLimits(int maxEvents, long maxBytes, int batchSize, Duration receiveWait,
        StartPosition startPosition) {
    /** Checks the values. */
    public PollLimits {
        if (maxEvents < 1 || maxBytes < 1 || batchSize < 1) {
            throw new IllegalArgumentException("limits must be positive: maxEvents " + maxEvents + ", maxBytes "
                    + maxBytes + ", batchSize " + batchSize);
        }
        Objects.requireNonNull(receiveWait, "receiveWait");
        Objects.requireNonNull(startPosition, "startPosition");
    }
}
