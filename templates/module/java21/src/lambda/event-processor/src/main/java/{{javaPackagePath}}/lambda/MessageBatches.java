/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits messages into SendMessageBatch calls: at most {@value #MAX_ENTRIES} messages and
 * {@value #MAX_BATCH_BYTES} bytes (256 KiB, SQS's limit for one message and for a whole batch)
 * per call, in the original order. A message larger than the limit on its own cannot be sent.
 *
 * @param batches indexes of the messages of each call
 * @param oversized indexes of the messages too large to send
 */
record MessageBatches(List<List<Integer>> batches, List<Integer> oversized) {
    static final int MAX_ENTRIES = 10;
    static final int MAX_BATCH_BYTES = 262_144;

    static MessageBatches of(List<String> bodies) {
        return of(bodies, MAX_ENTRIES, MAX_BATCH_BYTES);
    }

    static MessageBatches of(List<String> bodies, int maxEntries, int maxBytes) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> oversized = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long currentBytes = 0;
        for (int i = 0; i < bodies.size(); i++) {
            int bytes = bodies.get(i).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                oversized.add(i);
                continue;
            }
            if (current.size() == maxEntries || currentBytes + bytes > maxBytes) {
                batches.add(List.copyOf(current));
                current.clear();
                currentBytes = 0;
            }
            current.add(i);
            currentBytes += bytes;
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return new MessageBatches(List.copyOf(batches), List.copyOf(oversized));
    }
}
