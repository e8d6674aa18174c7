/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Event Hub in memory behind the partition-reader seam: partitions of events with sequence
 * numbers from 0, read as the service does (from a position, at most n events). Each receive call
 * runs {@link #onReceive}, where a test advances its clock. A partition in {@link #silentReads}
 * brings nothing for that many receive calls, as the real client does when its connection is down.
 */
final class FakeHub implements PartitionReader {
    private final Map<String, List<ReceivedEvent>> partitions = new LinkedHashMap<>();
    final List<String> receives = new ArrayList<>();
    Runnable onReceive = () -> { };
    RuntimeException failNextReceive;
    final Map<String, Integer> silentReads = new java.util.HashMap<>();

    FakeHub(int partitionCount) {
        for (int p = 0; p < partitionCount; p++) {
            partitions.put(Integer.toString(p), new ArrayList<>());
        }
    }

    /** Appends an event whose body is {@code {"partition":"p","seq":n,...}} plus padding. */
    ReceivedEvent add(String partition, int padding) {
        List<ReceivedEvent> events = partitions.get(partition);
        long seq = events.size();
        String body = "{\"partition\":\"" + partition + "\",\"seq\":" + seq + ",\"pad\":\"" + "x".repeat(padding)
                + "\"}";
        ReceivedEvent event = new ReceivedEvent(partition, seq, Long.toString(seq * 1000),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), body.getBytes(StandardCharsets.UTF_8));
        events.add(event);
        return event;
    }

    void addBody(String partition, String body) {
        List<ReceivedEvent> events = partitions.get(partition);
        long seq = events.size();
        events.add(new ReceivedEvent(partition, seq, Long.toString(seq), Instant.parse("2026-01-01T00:00:00Z"),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public List<String> partitionIds() {
        return List.copyOf(partitions.keySet());
    }

    @Override
    public PartitionEnd end(String partitionId) {
        List<ReceivedEvent> events = partitions.get(partitionId);
        if (events.isEmpty()) {
            return new PartitionEnd(true, -1, java.util.Optional.empty(), Instant.EPOCH);
        }
        ReceivedEvent last = events.get(events.size() - 1);
        return new PartitionEnd(false, last.sequenceNumber(), last.offset(), last.enqueuedTime());
    }

    @Override
    public List<ReceivedEvent> receive(String partitionId, StartPosition from, int maxEvents, Duration maxWait) {
        receives.add(partitionId);
        onReceive.run();
        if (failNextReceive != null) {
            RuntimeException failure = failNextReceive;
            failNextReceive = null;
            throw failure;
        }
        if (silentReads.getOrDefault(partitionId, 0) > 0) {
            silentReads.merge(partitionId, -1, Integer::sum);
            return List.of();
        }
        List<ReceivedEvent> events = partitions.get(partitionId);
        int first;
        if (from instanceof StartPosition.After after) {
            first = (int) after.sequenceNumber() + 1;
        } else if (from instanceof StartPosition.EnqueuedAfter time) {
            first = (int) events.stream().filter(e -> !e.enqueuedTime().isAfter(time.time())).count();
        } else if (from instanceof StartPosition.Latest) {
            first = events.size();
        } else {
            first = 0;
        }
        return List.copyOf(events.subList(Math.min(first, events.size()), Math.min(first + maxEvents, events.size())));
    }

    @Override
    public void close() {
    }
}
