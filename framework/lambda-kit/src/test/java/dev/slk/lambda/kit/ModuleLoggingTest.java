package dev.slk.lambda.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.testing.FakeContext;
import dev.slk.lambda.testing.LocalSqs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

class ModuleLoggingTest {
    private static List<JsonNode> linesOf(String requestId) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target/kit-test-log.jsonl"))) {
            JsonNode json = FlakySqs.json(line);
            if (requestId.equals(json.path("function_request_id").asText())) {
                lines.add(json);
            }
        }
        return lines;
    }

    @Test
    void everyLineOfTheInvocationCarriesTheModuleIdAndTheLambdaFields() throws Exception {
        String result = ModuleLogging.handle("azure-defender", FakeContext.of("slk-azure-defender", "req-kit-1", 60_000), () -> {
            LoggerFactory.getLogger(ModuleLoggingTest.class).info("fetched {} events", 3);
            return "done";
        });

        assertEquals("done", result);
        List<JsonNode> lines = linesOf("req-kit-1");
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = lines.get(0);
        assertEquals("azure-defender", line.path("module_id").asText());
        assertEquals("fetched 3 events", line.path("message").asText());
        assertEquals("INFO", line.path("level").asText());
        assertEquals("slk-azure-defender", line.path("function_name").asText());
        assertNull(MDC.get(ModuleLogging.MODULE_ID), "the module id does not outlive the invocation");
    }

    @Test
    void theSendersRetryWarningNamesTheErrorButNoEventContent() throws Exception {
        String marker = "content-" + UUID.randomUUID();
        ObjectNode event = Events.JSON.createObjectNode().put("id", 1).put("secretish", marker);
        try (FlakySqs flaky = new FlakySqs(); SqsClient client = flaky.client(); SqsClient local = LocalSqs.client()) {
            String queue = LocalSqs.queue(local, "kit-log-" + UUID.randomUUID());
            flaky.next(new FlakySqs.Fault.FailCall(500, "InternalError"));
            FakeClock clock = new FakeClock();
            EventQueueSender sender = EventQueueSender.builder(client, queue).pause(clock::pause).build();

            SendResult result = ModuleLogging.handle("google-scc", FakeContext.of("req-kit-2"),
                    () -> sender.send(List.of(event), TimeBudget.of(Duration.ofMinutes(1), Duration.ZERO, clock)));

            assertEquals(List.of(0), result.accepted());
        }
        List<JsonNode> lines = linesOf("req-kit-2");
        assertEquals(1, lines.size(), lines.toString());
        assertEquals("WARN", lines.get(0).path("level").asText());
        assertEquals("google-scc", lines.get(0).path("module_id").asText());
        assertTrue(lines.get(0).path("message").asText().startsWith("1 of 1 messages failed (InternalError); attempt 2 of 6"),
                lines.get(0).toString());
        assertFalse(Files.readString(Path.of("target/kit-test-log.jsonl")).contains(marker));
    }

    @Test
    void aModuleIdIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> ModuleLogging.handle(" ", FakeContext.of("r"), () -> 1));
    }
}
