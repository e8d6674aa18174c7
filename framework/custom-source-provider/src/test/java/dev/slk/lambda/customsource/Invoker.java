package dev.slk.lambda.customsource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Runs the real handler against {@link FakeAws} and {@link CloudFormationEndpoint}, capturing
 * what it logs. Every invocation checks the two promises that hold for all requests: exactly one
 * response reaches CloudFormation, and no log line is anything but JSON or holds the external id.
 */
final class Invoker implements AutoCloseable {

    static final String STACK_ID = "arn:aws:cloudformation:eu-west-1:111122223333:stack/slk-prod/"
            + "5b4a1c20-0000-11f0-9e31-0a1b2c3d4e5f";
    static final String LOGICAL_ID = "SecurityLakeCustomSources";
    static final String CRAWLER_ROLE = "arn:aws:iam::111122223333:role/SecurityLakeGlueCrawler";
    static final String SECRET_NAME = "slk/prod/security-lake-external-id";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one invocation produced. */
    record Invocation(JsonNode response, List<JsonNode> log, Optional<RuntimeException> thrown, Duration took) {
        String status() {
            return response.path("Status").asText();
        }

        String reason() {
            return response.path("Reason").asText();
        }

        JsonNode data() {
            return response.path("Data");
        }

        /** The log line with this message, with its structured fields. */
        JsonNode logLine(String message) {
            return log.stream().filter(l -> l.path("message").asText().equals(message)).findFirst()
                    .orElseGet(() -> fail("no log line '" + message + "' in " + log));
        }
    }

    final FakeAws aws;
    final CloudFormationEndpoint cloudFormation;
    /** Made at run time: no test secret is written in the sources (the repository scans itself). */
    final String externalId = "slk-ext-" + UUID.randomUUID();
    private final CustomLogSourceHandler handler;
    private final List<String> secretsToWatch = new ArrayList<>();

    Invoker(Duration responseReserve) throws IOException {
        aws = new FakeAws();
        cloudFormation = new CloudFormationEndpoint();
        aws.putSecret(SECRET_NAME, externalId);
        secretsToWatch.add(externalId);
        String secretKey = "loopback-" + UUID.randomUUID();
        ProviderSettings settings = new ProviderSettings(Region.of(FakeAws.REGION),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(FakeAws.ACCESS_KEY, secretKey)),
                Optional.of(aws.endpoint()), responseReserve, Duration.ofSeconds(10));
        handler = new CustomLogSourceHandler(settings, new ResponseSender(Duration.ofMillis(20)));
    }

    /** Another value that must never appear in the log (an id stored in SSM, say). */
    void watch(String secret) {
        secretsToWatch.add(secret);
    }

    Invocation invoke(ObjectNode event) {
        return invoke(event, 60_000);
    }

    Invocation invoke(ObjectNode event, int remainingMillis) {
        int before = cloudFormation.received().size();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        RuntimeException thrown = null;
        long start = System.nanoTime();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            handler.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), new FakeContext(UUID.randomUUID().toString(), remainingMillis));
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            System.setOut(original);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String logText = captured.toString(StandardCharsets.UTF_8);
        for (String secret : secretsToWatch) {
            assertFalse(logText.contains(secret), "the log holds a secret:\n" + logText);
        }
        List<JsonNode> log = new ArrayList<>();
        for (String line : logText.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode json = JSON.readTree(line);
                assertTrue(json.has("level") && json.has("message") && json.has("function_request_id"),
                        "not a Powertools log line: " + line);
                log.add(json);
            } catch (IOException e) {
                fail("log line is not JSON: " + line);
            }
        }
        List<CloudFormationEndpoint.Received> responses = cloudFormation.received();
        if (thrown != null && responses.size() == before) {
            return new Invocation(JSON.createObjectNode(), log, Optional.of(thrown), took);
        }
        assertEquals(before + 1, responses.size(), "exactly one response per request");
        CloudFormationEndpoint.Received response = responses.get(responses.size() - 1);
        assertEquals("PUT", response.method());
        assertEquals("", Optional.ofNullable(response.contentType()).orElse(""), "an empty Content-Type");
        JsonNode body = response.body();
        for (String secret : secretsToWatch) {
            assertFalse(body.toString().contains(secret), "the response holds a secret: " + body);
        }
        assertEquals(event.path("RequestId").asText(), body.path("RequestId").asText());
        assertEquals(STACK_ID, body.path("StackId").asText());
        assertEquals(event.path("LogicalResourceId").asText(), body.path("LogicalResourceId").asText());
        assertFalse(body.path("PhysicalResourceId").asText().isEmpty(), "a physical id");
        aws.assertNoProtocolProblems();
        return new Invocation(body, log, Optional.ofNullable(thrown), took);
    }

    ObjectNode create(ObjectNode properties) {
        return event("Create", null, properties, null);
    }

    ObjectNode update(String physicalId, ObjectNode properties, ObjectNode oldProperties) {
        return event("Update", physicalId, properties, oldProperties);
    }

    ObjectNode delete(String physicalId, ObjectNode properties) {
        return event("Delete", physicalId, properties, null);
    }

    ObjectNode event(String type, String physicalId, ObjectNode properties, ObjectNode oldProperties) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode event = JSON.createObjectNode()
                .put("RequestType", type)
                .put("ServiceToken", "arn:aws:lambda:eu-west-1:111122223333:function:slk-custom-sources")
                .put("ResponseURL", cloudFormation.responseUrl(requestId).toString())
                .put("StackId", STACK_ID)
                .put("RequestId", requestId)
                .put("ResourceType", "Custom::SecurityLakeCustomLogSources")
                .put("LogicalResourceId", LOGICAL_ID);
        if (physicalId != null) {
            event.put("PhysicalResourceId", physicalId);
        }
        event.set("ResourceProperties", properties);
        if (oldProperties != null) {
            event.set("OldResourceProperties", oldProperties);
        }
        return event;
    }

    /** ResourceProperties as CloudFormation passes them: every scalar a string. */
    static ObjectNode properties(String externalIdRef, SourceSpec... sources) {
        ObjectNode properties = JSON.createObjectNode()
                .put("ServiceToken", "arn:aws:lambda:eu-west-1:111122223333:function:slk-custom-sources");
        ArrayNode list = properties.putArray("Sources");
        for (SourceSpec source : sources) {
            ObjectNode s = list.addObject().put("sourceName", source.sourceName())
                    .put("sourceVersion", source.sourceVersion());
            source.eventClasses().forEach(s.putArray("eventClasses")::add);
        }
        return properties.put("CrawlerRoleArn", CRAWLER_ROLE)
                .put("ProviderPrincipal", FakeAws.ACCOUNT)
                .put("ExternalIdRef", externalIdRef);
    }

    static ObjectNode properties(SourceSpec... sources) {
        return properties("secretsmanager:" + SECRET_NAME, sources);
    }

    static SourceSpec source(String name, String... eventClasses) {
        return new SourceSpec(name, "1.0", List.of(eventClasses));
    }

    @Override
    public void close() {
        aws.close();
        cloudFormation.close();
    }
}
