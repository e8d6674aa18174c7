package dev.slk.lambda.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.SendResult;
import dev.slk.lambda.kit.TimeBudget;
import dev.slk.lambda.kit.Undelivered;
import dev.slk.lambda.testing.LocalSqs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The contract between the modules' sender (slk-lambda-kit) and this transformer: every message
 * the sender puts on a real SQS queue (ElasticMQ) is read back by {@link MessageParser} as exactly
 * the events that were sent, in either envelope, up to the limits both sides state.
 */
class SenderContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SqsClient sqs;
    private String queue;

    @BeforeEach
    void start() {
        sqs = LocalSqs.client();
        queue = LocalSqs.queue(sqs, "contract-" + UUID.randomUUID());
    }

    @AfterEach
    void stop() {
        sqs.close();
    }

    private List<SourceEvent> sendAndParse(EventEnvelope envelope, List<ObjectNode> events) {
        SendResult result = EventQueueSender.builder(sqs, queue).envelope(envelope).build()
                .send(events, TimeBudget.of(Duration.ofMinutes(1), Duration.ZERO, System::nanoTime));
        assertInstanceOf(SendResult.Delivered.class, result, result.toString());
        List<SourceEvent> parsed = new ArrayList<>();
        for (String body : LocalSqs.drain(sqs, queue)) {
            assertTrue(body.getBytes(StandardCharsets.UTF_8).length <= EventQueueSender.DEFAULT_MAX_BYTES);
            parsed.addAll(assertInstanceOf(MessageParser.Parsed.Events.class, MessageParser.parse(body)).events());
        }
        return parsed;
    }

    private static List<ObjectNode> mixedEvents() {
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            events.add(JSON.createObjectNode().put("id", i).put("AlertType", "VM_Test").put("pad", "p".repeat(900)));
        }
        events.add(JSON.createObjectNode().put("id", 600).put("text", "\uFFFF \uD800 \uD83D\uDE00 \u00E9 \"quoted\" \\ \n\t"));
        ObjectNode deep = JSON.createObjectNode().put("id", 601);
        ObjectNode at = deep;
        for (int level = 1; level < EventQueueSender.MAX_EVENT_DEPTH; level++) {
            at = at.putObject("n");
        }
        events.add(deep);
        events.add(JSON.createObjectNode().put("id", 602).put("pad", "q".repeat(200_000)));
        return events;
    }

    @Test
    void theEventsEnvelopeIsReadBackAsTheEventsSent() {
        List<ObjectNode> sent = mixedEvents();

        List<SourceEvent> parsed = sendAndParse(EventEnvelope.events(), sent);

        assertEquals(sorted(sent), sorted(parsed.stream().map(SourceEvent::event).toList()));
        parsed.forEach(e -> assertNull(e.moduleId()));
    }

    @Test
    void theModuleEnvelopeIsReadBackWithTheModuleId() {
        List<ObjectNode> sent = mixedEvents();

        List<SourceEvent> parsed = sendAndParse(EventEnvelope.module("azure-defender"), sent);

        assertEquals(sorted(sent), sorted(parsed.stream().map(SourceEvent::event).toList()));
        parsed.forEach(e -> {
            assertEquals("azure-defender", e.moduleId());
            assertNull(e.mappingId());
        });
    }

    @Test
    void theSenderRefusesExactlyTheNestingTheTransformerCannotRead() {
        assertEquals(MessageParser.MAX_DEPTH, EventQueueSender.MAX_EVENT_DEPTH + 2, "the envelope takes two levels");
        String deepest = "{\"n\":".repeat(EventQueueSender.MAX_EVENT_DEPTH - 1) + "{}" + "}".repeat(EventQueueSender.MAX_EVENT_DEPTH - 1);
        String tooDeep = "{\"n\":" + deepest + "}";
        assertInstanceOf(MessageParser.Parsed.Events.class, MessageParser.parse("{\"events\":[" + deepest + "]}"));
        assertInstanceOf(MessageParser.Parsed.Unreadable.class, MessageParser.parse("{\"events\":[" + tooDeep + "]}"));

        SendResult result = EventQueueSender.builder(sqs, queue).build().send(List.of(read(tooDeep)),
                TimeBudget.of(Duration.ofMinutes(1), Duration.ZERO, System::nanoTime));

        Undelivered refused = assertInstanceOf(SendResult.Incomplete.class, result).undelivered().get(0);
        assertEquals(Undelivered.Reason.TOO_DEEP, refused.reason());
        assertEquals(List.of(), LocalSqs.drain(sqs, queue));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sorted(List<? extends JsonNode> events) {
        return events.stream().map(JsonNode::toString).sorted().toList();
    }
}
