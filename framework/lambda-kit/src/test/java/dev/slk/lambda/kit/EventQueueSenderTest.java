package dev.slk.lambda.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.testing.LocalSqs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

class EventQueueSenderTest {
    private static final int KIB = 1024;
    private final FakeClock clock = new FakeClock();
    private SqsClient local;
    private String queue;
    private FlakySqs flaky;
    private SqsClient client;

    @BeforeEach
    void start() throws Exception {
        local = LocalSqs.client();
        queue = LocalSqs.queue(local, "kit-" + UUID.randomUUID());
        flaky = new FlakySqs();
        client = flaky.client();
    }

    @AfterEach
    void stop() {
        client.close();
        flaky.close();
        local.close();
    }

    private EventQueueSender.Builder sender() {
        return EventQueueSender.builder(client, queue).pause(clock::pause).random(() -> 0.5);
    }

    private TimeBudget minute() {
        return TimeBudget.of(Duration.ofMinutes(1), Duration.ZERO, clock);
    }

    private List<String> received() {
        return LocalSqs.drain(local, queue);
    }

    @Test
    void packsOneKibEventsIntoFullMessagesAndEveryEventArrivesOnce() {
        List<ObjectNode> events = Events.sized(1000, KIB, 0);

        SendResult result = sender().build().send(events, minute());

        SendResult.Delivered delivered = assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(IntStream.range(0, 1000).boxed().toList(), delivered.accepted());
        // 256 KiB per call holds 255 events of 1 KiB with the envelope and commas: 4 calls, one message each.
        assertEquals(4, delivered.apiCalls());
        assertEquals(4, delivered.messages());
        List<String> bodies = received();
        assertEquals(4, bodies.size());
        assertEquals(IntStream.range(0, 1000).boxed().toList(), Events.ids(Events.unpack(bodies)).stream().sorted().toList());
        for (FlakySqs.Call call : flaky.calls()) {
            assertTrue(call.bytes() <= EventQueueSender.DEFAULT_MAX_BYTES, call.bytes() + " bytes in one call");
        }
        assertTrue(flaky.calls().get(0).bytes() > EventQueueSender.DEFAULT_MAX_BYTES - KIB, "the first message is full");
    }

    @Test
    void sendsAtMostTenMessagesPerCall() {
        // 1 KiB messages hold one 600-byte event each: 45 messages, so calls of 10, 10, 10, 10 and 5.
        List<ObjectNode> events = Events.sized(45, 600, 0);

        SendResult result = sender().maxMessageBytes(KIB).build().send(events, minute());

        assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(List.of(10, 10, 10, 10, 5), flaky.calls().stream().map(c -> c.ids().size()).toList());
        assertEquals(45, received().size());
    }

    @Test
    void keepsEachCallWithin256KibWhenMessagesAreSmaller() {
        // 64 KiB messages of 50 KiB events: one event per message, five messages per call (250 KiB).
        List<ObjectNode> events = Events.sized(12, 50 * KIB, 0);

        SendResult result = sender().maxMessageBytes(64 * KIB).build().send(events, minute());

        assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(List.of(5, 5, 2), flaky.calls().stream().map(c -> c.ids().size()).toList());
        flaky.calls().forEach(c -> assertTrue(c.bytes() <= 256 * KIB));
        assertEquals(12, Events.unpack(received()).size());
    }

    @Test
    void anEventTooLargeForOneMessageIsReportedAndTheOthersAreSent() {
        List<ObjectNode> events = new ArrayList<>(Events.sized(3, KIB, 0));
        events.add(1, Events.sized(99, 256 * KIB));

        SendResult result = sender().build().send(events, minute());

        SendResult.Incomplete incomplete = assertInstanceOf(SendResult.Incomplete.class, result);
        assertEquals(List.of(0, 2, 3), incomplete.accepted());
        assertEquals(1, incomplete.undelivered().size());
        Undelivered tooLarge = incomplete.undelivered().get(0);
        assertEquals(1, tooLarge.index());
        assertEquals(Undelivered.Reason.TOO_LARGE, tooLarge.reason());
        assertTrue(tooLarge.detail().contains("262144 bytes"), tooLarge.detail());
        assertEquals(List.of(0, 1, 2), Events.ids(Events.unpack(received())).stream().sorted().toList());
    }

    @Test
    void anEventThatJustFitsTheEnvelopeIsSentAlone() {
        int most = EventQueueSender.DEFAULT_MAX_BYTES - "{\"events\":[]}".length();
        List<ObjectNode> events = List.of(Events.sized(1, most), Events.sized(2, KIB));

        SendResult result = sender().build().send(events, minute());

        assertInstanceOf(SendResult.Delivered.class, result);
        List<String> bodies = received();
        assertEquals(2, bodies.size());
        assertTrue(bodies.stream().anyMatch(b -> b.getBytes(StandardCharsets.UTF_8).length == EventQueueSender.DEFAULT_MAX_BYTES));
    }

    @Test
    void entriesThatFailForAPassingReasonAreRetriedAloneAfterABackoff() {
        List<ObjectNode> events = Events.sized(30, 600, 0);
        flaky.next(new FlakySqs.Fault.FailEntries(Set.of("m1", "m3"), "InternalError", false));

        SendResult result = sender().maxMessageBytes(2 * KIB).build().send(events, minute());

        SendResult.Delivered delivered = assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(30, delivered.accepted().size());
        assertEquals(List.of(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"), List.of("m1", "m3")),
                flaky.calls().stream().map(FlakySqs.Call::ids).toList());
        assertEquals(2, delivered.apiCalls());
        assertEquals(List.of(Duration.ofMillis(75)), clock.waits(), "half to all of the 100 ms base delay");
        assertEquals(IntStream.range(0, 30).boxed().toList(), Events.ids(Events.unpack(received())).stream().sorted().toList());
    }

    @Test
    void throttledAndFailedCallsAreRetriedWithGrowingWaits() {
        flaky.next(new FlakySqs.Fault.FailCall(400, "ThrottlingException"))
                .next(new FlakySqs.Fault.FailCall(500, "InternalError"))
                .next(new FlakySqs.Fault.FailCall(503, "ServiceUnavailable"));

        SendResult result = sender().build().send(Events.sized(5, KIB, 0), minute());

        assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(4, result.apiCalls());
        assertEquals(List.of(Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(300)), clock.waits());
        assertEquals(5, Events.unpack(received()).size());
    }

    @Test
    void entriesRefusedAsTheSendersFaultAreReportedNotRetried() {
        List<ObjectNode> events = Events.sized(4, 600, 0);
        flaky.next(new FlakySqs.Fault.FailEntries(Set.of("m0"), "InvalidMessageContents", true));

        SendResult result = sender().maxMessageBytes(KIB).build().send(events, minute());

        SendResult.Incomplete incomplete = assertInstanceOf(SendResult.Incomplete.class, result);
        assertEquals(List.of(1, 2, 3), incomplete.accepted());
        assertEquals(List.of(new Undelivered(0, Undelivered.Reason.REFUSED, "InvalidMessageContents",
                "scripted InvalidMessageContents")), incomplete.undelivered());
        assertEquals(1, flaky.calls().size());
        assertEquals(3, received().size());
    }

    @Test
    void aQueueThatDoesNotExistIsReportedWithSqsErrorCode() {
        String missing = queue + "-missing";

        SendResult result = EventQueueSender.builder(client, missing).pause(clock::pause).build()
                .send(Events.sized(3, KIB, 0), minute());

        SendResult.Incomplete incomplete = assertInstanceOf(SendResult.Incomplete.class, result);
        assertEquals(List.of(), incomplete.accepted());
        assertEquals(List.of(0, 1, 2), incomplete.undelivered().stream().map(Undelivered::index).toList());
        incomplete.undelivered().forEach(u -> assertEquals(Undelivered.Reason.REFUSED, u.reason()));
        assertTrue(incomplete.undelivered().get(0).code().contains("QueueDoesNotExist"), incomplete.undelivered().get(0).code());
        assertEquals(List.of(), clock.waits());
    }

    @Test
    void retriesStopAtTheLastAttemptAndNameTheLastError() {
        flaky.always(new FlakySqs.Fault.FailCall(500, "InternalError"));

        SendResult result = sender().retry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40))).build()
                .send(Events.sized(2, KIB, 0), minute());

        SendResult.Incomplete incomplete = assertInstanceOf(SendResult.Incomplete.class, result);
        assertEquals(3, incomplete.apiCalls());
        incomplete.undelivered().forEach(u -> {
            assertEquals(Undelivered.Reason.RETRIES_EXHAUSTED, u.reason());
            assertEquals("InternalError", u.code());
        });
        assertEquals(List.of(), received());
    }

    @Test
    void whenTheBudgetRunsOutTheEventsNotYetAcceptedAreReported() {
        // Each call takes 400 ms of the 1 s budget: calls 1 to 3 start in time, 4 and 5 never start.
        flaky.onCall(() -> clock.advance(Duration.ofMillis(400)));
        List<ObjectNode> events = Events.sized(50, 600, 0);

        SendResult result = sender().maxMessageBytes(KIB).build()
                .send(events, TimeBudget.of(Duration.ofSeconds(3), Duration.ofSeconds(2), clock));

        SendResult.Incomplete incomplete = assertInstanceOf(SendResult.Incomplete.class, result);
        assertEquals(IntStream.range(0, 30).boxed().toList(), incomplete.accepted());
        assertEquals(IntStream.range(30, 50).boxed().toList(), incomplete.undelivered().stream().map(Undelivered::index).toList());
        incomplete.undelivered().forEach(u -> assertEquals(Undelivered.Reason.OUT_OF_TIME, u.reason()));
        assertEquals(3, flaky.calls().size());
        assertEquals(IntStream.range(0, 30).boxed().toList(), Events.ids(Events.unpack(received())).stream().sorted().toList());
        UndeliveredEventsException thrown = assertThrows(UndeliveredEventsException.class, result::orThrow);
        assertTrue(thrown.getMessage().startsWith("20 of 50 events were not accepted by the event queue (OUT_OF_TIME 20)"),
                thrown.getMessage());
    }

    @Test
    void noRetryWaitStartsThatTheBudgetCannotHold() {
        flaky.always(new FlakySqs.Fault.FailCall(500, "InternalError"));

        SendResult result = sender().build().send(Events.sized(2, KIB, 0),
                TimeBudget.of(Duration.ofMillis(300), Duration.ZERO, clock));

        SendResult.Incomplete incomplete = assertInstanceOf(SendResult.Incomplete.class, result);
        // Waits of 75 and 150 ms fit in 300 ms; the third (300 ms) would not.
        assertEquals(List.of(Duration.ofMillis(75), Duration.ofMillis(150)), clock.waits());
        assertEquals(3, incomplete.apiCalls());
        incomplete.undelivered().forEach(u -> {
            assertEquals(Undelivered.Reason.OUT_OF_TIME, u.reason());
            assertEquals("InternalError", u.code());
        });
    }

    @Test
    void eventsThatAreNotObjectsOrTooDeepAreReportedAndNeverSent() {
        List<JsonNode> events = new ArrayList<>();
        events.add(Events.sized(0, 100));
        events.add(Events.JSON.createArrayNode().add(1));
        events.add(null);
        events.add(Events.nested(EventQueueSender.MAX_EVENT_DEPTH + 1));
        events.add(Events.nested(EventQueueSender.MAX_EVENT_DEPTH));

        SendResult result = sender().build().send(events, minute());

        SendResult.Incomplete incomplete = assertInstanceOf(SendResult.Incomplete.class, result);
        assertEquals(List.of(0, 4), incomplete.accepted());
        assertEquals(List.of(Undelivered.Reason.NOT_AN_OBJECT, Undelivered.Reason.NOT_AN_OBJECT, Undelivered.Reason.TOO_DEEP),
                incomplete.undelivered().stream().map(Undelivered::reason).toList());
        assertEquals(2, Events.unpack(received()).size());
    }

    @Test
    void charactersSqsRefusesAreEscapedSoTheEventArrivesUnchanged() {
        ObjectNode event = Events.JSON.createObjectNode().put("id", 7)
                .put("text", "noncharacter \uFFFF, lone surrogate \uD800, emoji \uD83D\uDE00, accents \u00E9\u00E8");

        SendResult result = sender().build().send(List.of(event), minute());

        assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(List.of(event), Events.unpack(received()));
        // Unescaped, ElasticMQ refuses the whole call, as SQS refuses such a message.
        assertThrows(SqsException.class, () -> local.sendMessage(r -> r.queueUrl(queue).messageBody("{\"t\":\"\uFFFF\"}")));
    }

    @Test
    void theStandInRefusesCallsBeyondSqsLimitsSoTheOtherTestsProveThem() {
        SqsException tooMany = assertThrows(SqsException.class, () -> client.sendMessageBatch(r -> r.queueUrl(queue)
                .entries(IntStream.range(0, 11).mapToObj(i -> entry("e" + i, "{}")).toList())));
        assertEquals("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", tooMany.awsErrorDetails().errorCode());
        SqsException tooLong = assertThrows(SqsException.class, () -> client.sendMessageBatch(r -> r.queueUrl(queue)
                .entries(entry("a", "x".repeat(200_000)), entry("b", "x".repeat(100_000)))));
        assertEquals("AWS.SimpleQueueService.BatchRequestTooLong", tooLong.awsErrorDetails().errorCode());
    }

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    @Test
    void theModuleEnvelopeCarriesTheModuleId() {
        SendResult result = sender().envelope(EventEnvelope.module("azure-defender")).build()
                .send(Events.sized(3, 200, 0), minute());

        assertInstanceOf(SendResult.Delivered.class, result);
        JsonNode body = FlakySqs.json(received().get(0));
        assertEquals("azure-defender", body.path("event_metadata").path("module_id").asText());
        assertEquals(3, body.path("event_data").size());
    }

    @Test
    void nothingToSendMakesNoCall() {
        SendResult result = sender().build().send(List.of(), minute());

        assertEquals(new SendResult.Delivered(List.of(), 0, 0), result);
        assertEquals(List.of(), flaky.calls());
    }
}
