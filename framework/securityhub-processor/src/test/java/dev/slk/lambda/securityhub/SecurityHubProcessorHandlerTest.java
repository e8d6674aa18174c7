package dev.slk.lambda.securityhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SecurityHubProcessorHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pacer whose clock moves only when it sleeps. */
    static final class StepClock implements Pacer {
        final List<Long> sleeps = new ArrayList<>();
        long now = 1_000_000;

        @Override
        public long now() {
            return now;
        }

        @Override
        public void sleep(long millis) {
            sleeps.add(millis);
            now += millis;
        }
    }

    static String finding(String id) {
        return """
                {"SchemaVersion": "2018-10-08", "Id": "%s", "GeneratorId": "slk/test",
                 "ProductArn": "arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default",
                 "AwsAccountId": "123456789012", "Types": ["Unusual Behaviors/Test"],
                 "CreatedAt": "2025-03-09T23:58:12.512Z", "UpdatedAt": "2025-03-09T23:59:59.999Z",
                 "Severity": {"Label": "HIGH", "Original": "High"}, "Title": "Finding %s",
                 "Description": "Something happened", "Resources": [{"Type": "Other", "Id": "vm-%s"}],
                 "ProductFields": {"ProviderName": "Test"}, "RecordState": "ACTIVE"}""".formatted(id, id, id);
    }

    static SQSEvent batch(List<String> bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + i);
            m.setBody(bodies.get(i));
            records.add(m);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }

    static Set<String> failed(SQSBatchResponse r) {
        Set<String> out = new TreeSet<>();
        r.getBatchItemFailures().forEach(f -> out.add(f.getItemIdentifier()));
        return out;
    }

    static Context context(String requestId, int remainingMillis) {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/slk-securityhub";
            }

            @Override
            public String getLogStreamName() {
                return "local";
            }

            @Override
            public String getFunctionName() {
                return "slk-securityhub";
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:eu-west-1:123456789012:function:slk-securityhub";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return remainingMillis;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 256;
            }

            @Override
            public LambdaLogger getLogger() {
                return null;
            }
        };
    }

    @Test
    void findingsGoToSecurityHubAHundredPerCallExactlyAsSent() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int m = 0; m < 25; m++) {
            List<String> findings = new ArrayList<>();
            for (int f = 0; f < 10; f++) {
                findings.add(finding("f" + (m * 10 + f)));
            }
            bodies.add(m % 2 == 0 ? "[" + String.join(",", findings) + "]"
                    : "{\"Findings\": [" + String.join(",", findings) + "]}");
        }
        try (FakeSecurityHub hub = new FakeSecurityHub()) {
            SQSBatchResponse r = new SecurityHubProcessorHandler(hub.client(), new StepClock(), null)
                    .handleRequest(batch(bodies), context("req-100", 60_000));
            assertEquals(Set.of(), failed(r));
            assertEquals(List.of(), hub.problems());
            assertEquals(List.of(100, 100, 50), hub.requests().stream().map(b -> b.path("Findings").size()).toList());
            JsonNode first = hub.requests().get(0).path("Findings").get(0);
            assertEquals(JSON.readTree(finding("f0")), first, "the SDK request carries the finding as sent");
        }
    }

    @Test
    void refusedFindingsFailTheMessagesThatCarriedThem() throws Exception {
        try (FakeSecurityHub hub = new FakeSecurityHub().then(FakeSecurityHub.refusing("b", "d"))) {
            SQSBatchResponse r = new SecurityHubProcessorHandler(hub.client(), new StepClock(), null).handleRequest(
                    batch(List.of(finding("a"), "[" + finding("b") + "," + finding("c") + "]", finding("d"), finding("e"))),
                    context("req-refused", 60_000));
            assertEquals(Set.of("m1", "m2"), failed(r));
            assertEquals(1, hub.requests().size());
        }
    }

    @Test
    void throttlingIsRetriedWithGrowingBackoff() throws Exception {
        StepClock clock = new StepClock();
        try (FakeSecurityHub hub = new FakeSecurityHub().then(FakeSecurityHub::throttled).then(FakeSecurityHub::throttled)
                .then(FakeSecurityHub::throttled)) {
            SQSBatchResponse r = new SecurityHubProcessorHandler(hub.client(), clock, null)
                    .handleRequest(batch(List.of(finding("a"), finding("b"))), context("req-throttle", 60_000));
            assertEquals(Set.of(), failed(r));
            assertEquals(4, hub.requests().size());
            assertEquals(hub.requests().get(0), hub.requests().get(3), "each try sends the same findings");
            assertEquals(3, clock.sleeps.size());
            for (int i = 0; i < 3; i++) {
                long ceiling = Math.min(FindingImporter.MAX_BACKOFF_MS, FindingImporter.BASE_BACKOFF_MS << i);
                assertTrue(clock.sleeps.get(i) <= ceiling, "try " + i + " waited " + clock.sleeps.get(i));
            }
        }
    }

    @Test
    void throttlingPastTheRemainingTimeFailsTheMessagesInsteadOfTimingOut() throws Exception {
        StepClock clock = new StepClock();
        try (FakeSecurityHub hub = new FakeSecurityHub().always(FakeSecurityHub::throttled)) {
            SQSBatchResponse r = new SecurityHubProcessorHandler(hub.client(), clock, null)
                    .handleRequest(batch(List.of(finding("a"), finding("b"))), context("req-deadline", 12_000));
            assertEquals(Set.of("m0", "m1"), failed(r));
            long spent = clock.sleeps.stream().mapToLong(Long::longValue).sum();
            assertTrue(spent < 12_000 - SecurityHubProcessorHandler.SAFETY_MARGIN_MS, "waited " + spent + " ms");
            assertTrue(hub.requests().size() >= 2, "it retried at least once");
        }
    }

    @Test
    void otherErrorsFailTheCallsMessagesWithoutRetry() throws Exception {
        try (FakeSecurityHub hub = new FakeSecurityHub().then(FakeSecurityHub::invalidInput)) {
            SQSBatchResponse r = new SecurityHubProcessorHandler(hub.client(), new StepClock(), null)
                    .handleRequest(batch(List.of(finding("a"), finding("b"))), context("req-400", 60_000));
            assertEquals(Set.of("m0", "m1"), failed(r));
            assertEquals(1, hub.requests().size());
        }
    }

    @Test
    void overlongFieldsAreCutToTheAsffLimitsWithAWarning() throws Exception {
        JsonNode f = JSON.readTree(finding("long"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("Title", "t".repeat(300));
        ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("Description", "d".repeat(5000));
        try (FakeSecurityHub hub = new FakeSecurityHub()) {
            SQSBatchResponse r = new SecurityHubProcessorHandler(hub.client(), new StepClock(), null)
                    .handleRequest(batch(List.of(f.toString())), context("req-truncate", 60_000));
            assertEquals(Set.of(), failed(r));
            JsonNode sent = hub.requests().get(0).path("Findings").get(0);
            assertEquals(256, sent.get("Title").asText().length());
            assertEquals(1024, sent.get("Description").asText().length());
        }
        List<String> warnings = Files.readAllLines(Path.of("target/lambda-test-log.jsonl")).stream()
                .filter(l -> l.contains("req-truncate") && l.contains("finding truncated to ASFF limits")).toList();
        assertEquals(1, warnings.size());
        JsonNode w = JSON.readTree(warnings.get(0));
        assertEquals("WARN", w.get("level").asText());
        assertEquals("core", w.get("module_id").asText());
        assertTrue(w.get("truncated").toString().contains("Title (300 > 256 characters)"), w.toString());
    }

    @Test
    void unreadableMessagesAndInvalidFindingsFailAlone() throws Exception {
        JsonNode typo = JSON.readTree(finding("typo"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) typo).put("Titel", "x");
        try (FakeSecurityHub hub = new FakeSecurityHub()) {
            SQSBatchResponse r = new SecurityHubProcessorHandler(hub.client(), new StepClock(), null).handleRequest(
                    batch(List.of("{broken", "{\"Title\": \"no id\"}", typo.toString(), finding("good"))),
                    context("req-bad", 60_000));
            assertEquals(Set.of("m0", "m1", "m2"), failed(r));
            assertEquals(1, hub.requests().size());
            assertEquals("good", hub.requests().get(0).path("Findings").get(0).get("Id").asText());
        }
    }
}
