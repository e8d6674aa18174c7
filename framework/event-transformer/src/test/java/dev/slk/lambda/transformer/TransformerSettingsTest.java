package dev.slk.lambda.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransformerSettingsTest {
    private static final String SOURCES = """
            [{"sourceName": "slkSecurityEvents", "sourceVersion": "1.0",
              "eventClasses": ["SECURITY_FINDING", "DETECTION_FINDING"]},
             {"sourceName": "other", "sourceVersion": "2", "eventClasses": ["DETECTION_FINDING", "AUTHENTICATION"],
              "location": "s3://elsewhere-bucket/custom/other"}]""";

    private static String error(Map<String, String> env) {
        return assertThrows(IllegalStateException.class, () -> TransformerSettings.fromEnvironment(env)).getMessage();
    }

    @Test
    void theSynthStacksEnvironmentIsRead() {
        TransformerSettings s = TransformerSettings.fromEnvironment(Map.of("SECURITY_LAKE_BUCKET", "lake-bucket",
                "SECURITY_LAKE_SOURCES", SOURCES, "ASFF_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/1/asff"));
        assertEquals("s3://lake-bucket/ext/slkSecurityEvents/1.0/", s.sources().get(0).location());
        assertEquals(Set.of(2001, 2004), s.sources().get(0).classUids());
        assertEquals("s3://elsewhere-bucket/custom/other/", s.sources().get(1).location());
        assertEquals("/opt/slk/mappings", s.mappingsDir().toString());
        assertEquals("core", s.moduleId());
        assertEquals("slkSecurityEvents", s.sourceFor(2004).orElseThrow().sourceName(), "the first source wins");
        assertEquals("other", s.sourceFor(3002).orElseThrow().sourceName());
        assertEquals(true, s.sourceFor(4001).isEmpty());
        assertEquals(true, s.asffQueueUrl().isPresent());
    }

    @Test
    void badSettingsAreNamedPrecisely() {
        assertEquals("SECURITY_LAKE_BUCKET must be a bucket name, got ''", error(Map.of()));
        assertEquals("SECURITY_LAKE_SOURCES is not set; it lists the custom sources as a JSON array",
                error(Map.of("SECURITY_LAKE_BUCKET", "b-1")));
        assertEquals("SECURITY_LAKE_SOURCES[0].eventClasses: 'DETECTION' is not a class Security Lake custom sources accept",
                error(Map.of("SECURITY_LAKE_BUCKET", "b-1", "SECURITY_LAKE_SOURCES",
                        "[{\"sourceName\": \"s\", \"sourceVersion\": \"1\", \"eventClasses\": [\"DETECTION\"]}]")));
        assertEquals("SECURITY_LAKE_SOURCES is not JSON: Unexpected end-of-input: expected close marker for Array at column 2",
                error(Map.of("SECURITY_LAKE_BUCKET", "b-1", "SECURITY_LAKE_SOURCES", "[")));
    }

    @Test
    void invocationFactsComeFromTheFunctionArn() {
        Invocation i = Invocation.of("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:t:live", null, "r");
        assertEquals("123456789012", i.accountId());
        assertEquals("us-gov-west-1", i.region());
        assertEquals("aws-us-gov", i.partition());
        assertEquals("eu-west-1", Invocation.of("arn:aws:lambda:us-east-1:123456789012:function:t", "eu-west-1", "r")
                .region());
        assertThrows(IllegalArgumentException.class, () -> Invocation.of("arn:aws:s3:::bucket", null, "r"));
    }
}
