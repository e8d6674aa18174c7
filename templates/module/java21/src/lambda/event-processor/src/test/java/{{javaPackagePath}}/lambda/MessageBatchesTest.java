/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageBatchesTest {

    @Test
    void atMostTenMessagesPerCall() {
        List<String> bodies = IntStream.range(0, 25).mapToObj(i -> "{\"n\":" + i + "}").toList();
        MessageBatches split = MessageBatches.of(bodies);
        assertEquals(List.of(10, 10, 5), split.batches().stream().map(List::size).toList());
        assertEquals(IntStream.range(0, 25).boxed().toList(),
                split.batches().stream().flatMap(List::stream).toList());
        assertTrue(split.oversized().isEmpty());
    }

    @Test
    void atMost256KiBPerCall() {
        String hundredKiB = "x".repeat(100 * 1024);
        MessageBatches split = MessageBatches.of(List.of(hundredKiB, hundredKiB, hundredKiB, "small"));
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), split.batches());
    }

    @Test
    void aMessageOfExactlyTheLimitTravelsAlone() {
        String limit = "y".repeat(MessageBatches.MAX_BATCH_BYTES);
        MessageBatches split = MessageBatches.of(List.of("a", limit, "b"));
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)), split.batches());
    }

    @Test
    void bytesAreCountedInUtf8() {
        String euros = "\u20ac".repeat(MessageBatches.MAX_BATCH_BYTES / 3 + 1);
        MessageBatches split = MessageBatches.of(List.of(euros));
        assertEquals(List.of(0), split.oversized());
        assertTrue(split.batches().isEmpty());
    }

    @Test
    void oversizedMessagesAreSetAsideAndTheRestStillSent() {
        List<String> bodies = new ArrayList<>(Collections.nCopies(3, "ok"));
        bodies.add(1, "z".repeat(MessageBatches.MAX_BATCH_BYTES + 1));
        MessageBatches split = MessageBatches.of(bodies);
        assertEquals(List.of(1), split.oversized());
        assertEquals(List.of(List.of(0, 2, 3)), split.batches());
    }

    @Test
    void nothingToSendMakesNoCall() {
        assertTrue(MessageBatches.of(List.of()).batches().isEmpty());
    }
}
