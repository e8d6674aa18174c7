/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.util.Optional;

/** The partitions' checkpoints of one Event Hub and consumer group. */
public interface CheckpointStore {

    /**
     * @param partitionId a partition
     * @return its checkpoint; empty when it has none yet
     * @throws CheckpointException when the store cannot be read
     */
    Optional<Checkpoint> read(String partitionId);

    /**
     * Moves a partition's checkpoint forward, never back: a write that would not move it (the
     * stored one is at or after it) changes nothing.
     *
     * @param checkpoint the new checkpoint
     * @return whether it moved
     * @throws CheckpointException when the write failed
     */
    boolean advance(Checkpoint checkpoint);

    /**
     * @return a number that grows by one on every call, shared by every run, from which a run
     *     picks the partition it starts with
     * @throws CheckpointException when the store cannot be written
     */
    long nextRotation();

    /** A checkpoint could not be read or written. */
    final class CheckpointException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what failed, without any event content
         * @param cause the store's exception
         */
        public CheckpointException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
