package dev.slk.stack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.testing.Configs;
import dev.slk.stack.testing.Stacks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal synth can make from the config alone, before CDK runs (stack configuration,
 * resource names, the external id), is first an error of validate-config at the key to change.
 * Each case is checked both ways: synth really refuses it when validation is bypassed, and
 * validate-config reports it at that key's line.
 */
class ValidateConfigPredictsSynthTest {
    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("the event queue switched off under an enabled module", "/sqsQueue/enabled", """
                        sqsQueue:
                          enabled: false
                        integrations:
                          poller:
                            enabled: true
                        """),
                refusal("a literal external id", "/securityLake/externalId", """
                        securityLake:
                          s3Bucket: aws-security-data-lake-us-east-1-abcdefghijklmnopqrstuvwxyz0123
                          externalId: 7f3c9a1e5b2d4c6e8f0a1b3c5d7e9f21
                          serviceRole: SecurityLakeGlueCrawler
                        """),
                refusal("an environment variable the transformer sets itself",
                        "/coreProcessing/eventTransformer/environment/SECURITY_LAKE_BUCKET", """
                        coreProcessing:
                          eventTransformer:
                            environment:
                              SECURITY_LAKE_BUCKET: other-bucket
                        """),
                refusal("a transformer variable that looks like it holds a secret",
                        "/coreProcessing/eventTransformer/environment/API_TOKEN", """
                        coreProcessing:
                          eventTransformer:
                            environment:
                              API_TOKEN: abcd
                        """),
                refusal("a variable Lambda reserves", "/coreProcessing/eventTransformer/environment/AWS_REGION", """
                        coreProcessing:
                          eventTransformer:
                            environment:
                              AWS_REGION: eu-west-1
                        """),
                refusal("the service name slk gives the Security Hub processor",
                        "/coreProcessing/securityHubProcessor/environment/POWERTOOLS_SERVICE_NAME", """
                        securityHub:
                          enabled: true
                        coreProcessing:
                          securityHubProcessor:
                            environment:
                              POWERTOOLS_SERVICE_NAME: mine
                        """),
                refusal("a transformer name too long once qualified", "/coreProcessing/eventTransformer/functionName",
                        "projectName: " + "p".repeat(30) + "\ncoreProcessing:\n  eventTransformer:\n"
                                + "    functionName: " + "f".repeat(40) + "\n"),
                refusal("a Security Hub processor name too long once qualified",
                        "/coreProcessing/securityHubProcessor/functionName", "projectName: " + "p".repeat(30)
                                + "\nsecurityHub:\n  enabled: true\ncoreProcessing:\n  securityHubProcessor:\n"
                                + "    functionName: " + "f".repeat(40) + "\n"),
                refusal("an event queue name too long once qualified", "/sqsQueue/queueName",
                        "projectName: " + "p".repeat(30) + "\nsqsQueue:\n  queueName: " + "q".repeat(60) + "\n"),
                refusal("a dead-letter queue name too long once qualified", "/sqsQueue/deadLetterQueue/queueName",
                        "projectName: " + "p".repeat(30) + "\nsqsQueue:\n  deadLetterQueue:\n    queueName: "
                                + "q".repeat(60) + "\n"),
                refusal("a project name too long for the functions slk names", "/projectName",
                        "projectName: " + "p".repeat(50) + "\n"));
    }

    private static Arguments refusal(String what, String pointer, String blocks) {
        return Arguments.of(what, pointer, Configs.minimalWith(blocks));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void whatSynthRefusesValidateConfigReportsAtTheKey(String what, String pointer, String yaml) {
        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> Stacks.build(Stacks.bindWithoutRules(yaml)), what + ": synth must refuse it");
        assertTrue(Synthesizer.isRefusal(refusal), what + ": " + refusal);
        assertTrue(refusal.getMessage().contains(pointer.substring(1).replace('/', '.')),
                what + ": synth's refusal names the key: " + refusal.getMessage());
        List<Finding> errors = Configs.validate(yaml).errors();
        assertTrue(errors.stream().anyMatch(f -> f.pointer().equals(pointer) && f.location().line() > 1),
                what + ": validate-config must report an error at " + pointer + ", got " + errors);
    }
}
