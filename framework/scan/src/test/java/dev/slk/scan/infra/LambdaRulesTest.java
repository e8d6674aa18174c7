package dev.slk.scan.infra;

import static dev.slk.scan.infra.Templates.flagged;
import static dev.slk.scan.infra.Templates.only;
import static dev.slk.scan.infra.Templates.resource;
import static dev.slk.scan.infra.Templates.template;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaRulesTest {
    private static final String LAMBDA = "AWS::Lambda::Function";
    private static final String CONCURRENCY = "infra-lambda-no-reserved-concurrency";
    private static final String FAILURE = "infra-lambda-no-failure-destination";
    private static final String LIMITED = "{\"ReservedConcurrentExecutions\": 5}";

    @TempDir
    Path dir;

    @Test
    void functionWithoutReservedConcurrency() {
        List<Finding> findings = Templates.check(dir, template(
                resource("Unlimited", LAMBDA, "{\"Runtime\": \"java17\"}"),
                resource("Limited", LAMBDA, LIMITED)));

        assertEquals(List.of("Unlimited"), flagged(findings, CONCURRENCY, "Unlimited", "Limited"));
        assertEquals(Severity.MEDIUM, only(findings, CONCURRENCY).get(0).severity());
    }

    @Test
    void functionWithoutAnyFailureHandling() {
        String dlq = "{\"ReservedConcurrentExecutions\": 5, \"DeadLetterConfig\": {\"TargetArn\":"
                + " {\"Fn::GetAtt\": [\"Dlq\", \"Arn\"]}}}";
        List<Finding> findings = Templates.check(dir, template(
                resource("Lost", LAMBDA, LIMITED),
                resource("WithDlq", LAMBDA, dlq),
                resource("QueueDriven", LAMBDA, LIMITED),
                resource("WithDestination", LAMBDA, LIMITED),
                resource("ConfigWithoutFailure", LAMBDA, LIMITED),
                resource("Mapping", "AWS::Lambda::EventSourceMapping", "{\"FunctionName\": {\"Ref\": \"QueueDriven\"},"
                        + " \"EventSourceArn\": {\"Fn::GetAtt\": [\"Queue\", \"Arn\"]}}"),
                resource("Invoke", "AWS::Lambda::EventInvokeConfig",
                        "{\"FunctionName\": {\"Ref\": \"WithDestination\"},"
                        + " \"Qualifier\": \"$LATEST\", \"DestinationConfig\": {\"OnFailure\": {\"Destination\":"
                        + " {\"Fn::GetAtt\": [\"Dlq\", \"Arn\"]}}}}"),
                resource("InvokeRetries", "AWS::Lambda::EventInvokeConfig", "{\"FunctionName\":"
                        + " {\"Ref\": \"ConfigWithoutFailure\"}, \"Qualifier\": \"$LATEST\","
                        + " \"MaximumRetryAttempts\": 0}")));

        assertEquals(List.of("ConfigWithoutFailure", "Lost"), flagged(findings, FAILURE,
                "Lost", "WithDlq", "QueueDriven", "WithDestination", "ConfigWithoutFailure"));
        assertEquals(Severity.MEDIUM, only(findings, FAILURE).get(0).severity());
    }

    @Test
    void cdkHelperFunctionsAreSkipped() {
        List<Finding> findings = Templates.check(dir, template(
                resource("LogRetentionFD4BFC8A", LAMBDA, "{}"),
                resource("CustomResourceProviderHandler1234", LAMBDA, "{}"),
                resource("AWS679f53fac002430cb0da5b7982bd2287Fn", LAMBDA, "{}"),
                resource("BucketNotificationsHandler7ECC3691", LAMBDA, "{}"),
                resource("ProviderframeworkonEvent83C1D0A7", LAMBDA, "{}",
                        "Stack/modules/okta-logs/Setup/Provider/framework-onEvent/Resource"),
                resource("Own", LAMBDA, "{}", "Stack/modules/okta-logs/Poller/Resource")));

        assertEquals(1, only(findings, CONCURRENCY).size());
        assertEquals(1, only(findings, FAILURE).size());
        assertEquals(List.of("Own"), flagged(findings, CONCURRENCY, "Own"));
    }
}
