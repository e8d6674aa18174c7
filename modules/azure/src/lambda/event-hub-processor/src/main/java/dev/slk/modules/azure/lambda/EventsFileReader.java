/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An Event Hub of one partition ("0") read from a file, for the local runner: each non-blank line
 * is the body of one event, with sequence numbers from 0 and one enqueued time. Reads from a
 * position as the service does, so checkpoints work across runs on the same file.
 */
final class EventsFileReader implements PartitionReader {
    static final String PARTITION = "0";
    private final List<ReceivedEvent> events;

    private EventsFileReader(List<ReceivedEvent> events) {
        this.events = List.copyOf(events);
    }

    /**
     * @param file one event body a line
     * @param enqueued the enqueued time of every event
     * @return the reader
     * @throws IOException naming the file when it cannot be read
     */
    static EventsFileReader read(Path file, Instant enqueued) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read the events file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        List<ReceivedEvent> events = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                long sequence = events.size();
                events.add(new ReceivedEvent(PARTITION, sequence, Long.toString(sequence), enqueued,
                        line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new EventsFileReader(events);
    }

    @Override
    public List<String> partitionIds() {
        return List.of(PARTITION);
    }

    @Override
    public PartitionEnd end(String partitionId) {
        if (events.isEmpty()) {
            return new PartitionEnd(true, -1, java.util.Optional.empty(), Instant.EPOCH);
        }
        ReceivedEvent last = events.get(events.size() - 1);
        return new PartitionEnd(false, last.sequenceNumber(), last.offset(), last.enqueuedTime());
    }

    @Override
    public List<ReceivedEvent> receive(String partitionId, StartPosition from, int maxEvents, Duration maxWait) {
        int first = 0;
        if (from instanceof StartPosition.After after) {
            first = (int) Math.min(events.size(), after.sequenceNumber() + 1);
        } else if (from instanceof StartPosition.Latest) {
            first = events.size();
        }
        return events.subList(first, Math.min(events.size(), first + maxEvents));
    }

    @Override
    public void close() {
    }
}
