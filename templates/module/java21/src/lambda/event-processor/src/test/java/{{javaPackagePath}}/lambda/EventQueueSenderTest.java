/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class EventQueueSenderTest {
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/000000000000/events";
    private final List<Duration> sleeps = new ArrayList<>();
    private FakeAws aws;
    private SqsClient sqs;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws().queue(QUEUE);
        sqs = TestAws.sqs(aws.endpoint());
    }

    @AfterEach
    void stop() {
        sqs.close();
        aws.close();
        assertTrue(aws.problems().isEmpty(), aws.problems().toString());
    }

    private EventQueueSender sender(int attempts) {
        return new EventQueueSender(sqs, QUEUE, attempts, Duration.ofMillis(100), sleeps::add);
    }

    private static List<String> events(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"event\":" + i + "}").toList();
    }

    @Test
    void sendsEveryEventToARealQueueInBatchesOfTen() {
        LocalSqs local = LocalSqs.shared();
        String queue = local.newQueue();
        List<String> events = events(23);
        try (SqsClient client = local.client()) {
            EventQueueSender.Result result = new EventQueueSender(client, queue).send(events);
            assertEquals(23, result.sent());
            assertTrue(result.failed().isEmpty(), result.failed().toString());
        }
        List<String> received = local.drain(queue);
        assertEquals(events.stream().sorted().toList(), received.stream().sorted().toList());
    }

    @Test
    void splitsCallsAtTenEntries() {
        EventQueueSender.Result result = sender(4).send(events(21));
        assertEquals(21, result.sent());
        assertEquals(List.of(10, 10, 1), aws.batches().stream().map(List::size).toList());
    }

    @Test
    void retriesOnlyTheEntriesThatFailedOnSqsSideWithGrowingDelays() {
        aws.answer(new FakeAws.Answer.FailEntries(3, "InternalError", false))
                .answer(new FakeAws.Answer.FailEntries(1, "InternalError", false));
        EventQueueSender.Result result = sender(4).send(events(5));
        assertEquals(5, result.sent());
        assertTrue(result.failed().isEmpty());
        assertEquals(List.of(5, 3, 1), aws.batches().stream().map(List::size).toList());
        assertEquals(events(3), aws.batches().get(1));
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(0).toMillis() >= 50 && sleeps.get(0).toMillis() <= 100, sleeps.toString());
        assertTrue(sleeps.get(1).toMillis() >= 100 && sleeps.get(1).toMillis() <= 200, sleeps.toString());
    }

    @Test
    void entriesSqsRefusesAsMalformedAreNotRetried() {
        aws.answer(new FakeAws.Answer.FailEntries(2, "InvalidMessageContents", true));
        EventQueueSender.Result result = sender(4).send(events(4));
        assertEquals(2, result.sent());
        assertEquals(List.of(0, 1), result.failed().stream().map(EventQueueSender.Failure::index).toList());
        assertEquals("InvalidMessageContents", result.failed().get(0).code());
        assertEquals(1, aws.batches().size());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aThrottledCallIsRetriedWhole() {
        aws.answer(new FakeAws.Answer.FailCall(400, "ThrottlingException"));
        EventQueueSender.Result result = sender(4).send(events(3));
        assertEquals(3, result.sent());
        assertEquals(2, aws.batches().size());
        assertEquals(1, sleeps.size());
    }

    @Test
    void aServerErrorIsRetriedAndReportedWhenItOutlastsTheAttempts() {
        for (int i = 0; i < 3; i++) {
            aws.answer(new FakeAws.Answer.FailCall(503, "ServiceUnavailable"));
        }
        EventQueueSender.Result result = sender(3).send(events(2));
        assertEquals(0, result.sent());
        assertEquals(2, result.failed().size());
        assertTrue(result.failed().get(0).message().startsWith("still failing after 3 attempts"),
                result.failed().get(0).message());
        assertEquals(2, sleeps.size());
    }

    @Test
    void aCallSqsRefusesFailsItsEntriesAtOnce() {
        aws.answer(new FakeAws.Answer.FailCall(400, "AWS.SimpleQueueService.NonExistentQueue"));
        EventQueueSender.Result result = sender(4).send(events(2));
        assertEquals(0, result.sent());
        assertEquals(List.of("AWS.SimpleQueueService.NonExistentQueue", "AWS.SimpleQueueService.NonExistentQueue"),
                result.failed().stream().map(EventQueueSender.Failure::code).toList());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void anEventTooLargeForSqsIsReportedAndTheOthersSent() {
        List<String> events = new ArrayList<>(events(2));
        events.add(1, "\"" + "x".repeat(MessageBatches.MAX_BATCH_BYTES) + "\"");
        EventQueueSender.Result result = sender(4).send(events);
        assertEquals(2, result.sent());
        assertEquals(List.of(new EventQueueSender.Failure(1, "MessageTooLong",
                "the event is larger than 262144 bytes, the most SQS accepts in one message")), result.failed());
    }

    @Test
    void backoffGrowsAndIsCapped() {
        EventQueueSender sender = new EventQueueSender(sqs, QUEUE);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(5_000, 200L << (attempt - 1));
            long delay = sender.backoff(attempt).toMillis();
            assertTrue(delay >= ceiling / 2 && delay <= ceiling, attempt + ": " + delay);
        }
    }

    @Test
    void anInterruptedWaitReportsTheEntriesItCouldNotRetry() {
        aws.answer(new FakeAws.Answer.FailEntries(1, "InternalError", false));
        EventQueueSender sender = new EventQueueSender(sqs, QUEUE, 4, Duration.ofMillis(1), d -> {
            throw new InterruptedException("test");
        });
        EventQueueSender.Result result = sender.send(events(2));
        assertEquals(1, result.sent());
        assertEquals("Interrupted", result.failed().get(0).code());
        assertTrue(Thread.interrupted());
    }
}
