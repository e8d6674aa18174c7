package dev.slk.core.schema;

import static dev.slk.core.testing.Configs.describe;
import static dev.slk.core.testing.Configs.validate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema errors are reported at the line and column of the key or value they are about. */
class SchemaErrorLocationTest {
    private static final String CONFIG = """
            projectName: demo
            environment: dev
            awsRegion: us-east-1
            encryption:
              keyAlias: demo
              keyPendingWindowInDays: 3
            securityLake:
              s3Bucket: b
              externalId: ssm:/x
              serviceRole: r
            sqsQueue:
              visiblityTimeout: 400
              deadLetterQueue:
                maxReceiveCount: "three"
            monitoring:
              cloudWatchLogs:
                retentionDays: 100
              alarms:
                emailEndpoints:
                  - ops@example.com
                  - not an address
            """;

    private final ValidationReport report = validate(CONFIG);

    private Finding only(String rule) {
        List<Finding> found = report.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
        assertEquals(1, found.size(), describe(report));
        return found.get(0);
    }

    @Test
    void outOfRangeNumberIsReportedAtItsValue() {
        Finding f = only("schema.minimum");
        assertEquals("config.yaml:6:27", f.location().toString());
        assertEquals("/encryption/keyPendingWindowInDays", f.pointer());
        assertTrue(f.message().contains("the minimum is 7"), f.message());
    }

    @Test
    void unknownKeyIsReportedAtTheKeyWithASuggestion() {
        Finding f = only("schema.additionalProperties");
        assertEquals("config.yaml:12:3", f.location().toString());
        assertEquals("/sqsQueue/visiblityTimeout", f.pointer());
        assertEquals("did you mean 'visibilityTimeout'?", f.hint());
    }

    @Test
    void wrongTypeIsReportedAtTheValue() {
        Finding f = only("schema.type");
        assertEquals("config.yaml:14:22", f.location().toString());
        assertEquals("'maxReceiveCount' must be an integer, not 'three'", f.message());
    }

    @Test
    void valueOutsideAnEnumListsTheAllowedValues() {
        Finding f = only("schema.enum");
        assertEquals(17, f.location().line());
        assertTrue(f.message().contains("allowed: 1, 3, 5"), f.message());
    }

    @Test
    void invalidListItemIsReportedAtTheItem() {
        Finding f = only("schema.format");
        assertEquals("config.yaml:21:9", f.location().toString());
        assertTrue(f.message().startsWith("'emailEndpoints[1]'"), f.message());
    }

    @Test
    void missingRequiredKeyIsReportedAtItsParent() {
        ValidationReport r = validate("environment: dev\nawsRegion: us-east-1\nencryption: {keyAlias: a}\n"
                + "securityLake: {enabled: false}\n");
        Finding f = r.findings().stream().filter(x -> x.ruleId().equals("schema.required")).findFirst().orElseThrow();
        assertEquals("/projectName", f.pointer());
        assertEquals(1, f.location().line());
        assertEquals("missing required key 'projectName' at the top level", f.message());
    }

    @Test
    void secretValuesInSchemaErrorsAreRedacted() {
        String secret = "98765432109876543210";
        ValidationReport r = validate(CONFIG.replace("externalId: ssm:/x", "externalId: " + secret));
        Finding f = r.findings().stream().filter(x -> x.pointer().equals("/securityLake/externalId")).findFirst()
                .orElseThrow();
        assertTrue(!f.message().contains(secret) && f.message().contains("'9876...' (20 characters)"), f.message());
    }
}
