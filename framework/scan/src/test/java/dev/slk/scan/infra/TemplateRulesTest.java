package dev.slk.scan.infra;

import static dev.slk.scan.infra.Templates.object;
import static dev.slk.scan.infra.Templates.only;
import static dev.slk.scan.infra.Templates.resource;
import static dev.slk.scan.infra.Templates.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRulesTest {
    @TempDir
    Path dir;

    private static Path resourceTemplate() throws URISyntaxException {
        return Path.of(TemplateRulesTest.class.getResource("module-stack.template.json").toURI());
    }

    @Test
    void findingsPointAtTheLogicalIdKeyAndNameTheResource() throws URISyntaxException {
        List<Finding> findings = TemplateRules.check(resourceTemplate(), "cdk.out/SlkStack.template.json", false);

        Finding concurrency = only(findings, "infra-lambda-no-reserved-concurrency").get(0);
        assertEquals(36, concurrency.location().line());
        assertEquals(3, concurrency.location().column());
        assertEquals("cdk.out/SlkStack.template.json", concurrency.location().file());
        assertTrue(concurrency.message().contains("modulesoktalogsPollerD1E2F3A4"));
        assertTrue(concurrency.message().contains("AWS::Lambda::Function"));
        assertFalse(concurrency.hint().isBlank());

        Finding bucket = only(findings, "infra-unencrypted-bucket").get(0);
        assertEquals(50, bucket.location().line());
        assertEquals(3, bucket.location().column());
    }

    @Test
    void columnsCountCharactersNotBytes() {
        // Two-byte characters before the key must not shift the column.
        String text = "{\"Description\": \"é\", \"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}}}";
        Finding f = only(Templates.check(dir, text), "infra-unencrypted-topic").get(0);
        assertEquals(1, f.location().line());
        assertEquals(36, f.location().column());
    }

    @Test
    void findingsAreAttributedToTheOwningModule() throws URISyntaxException {
        List<Finding> findings = TemplateRules.check(resourceTemplate(), "cdk.out/SlkStack.template.json", false);

        assertEquals("okta-logs", only(findings, "infra-lambda-no-reserved-concurrency").get(0).module());
        assertEquals("guardduty", only(findings, "infra-unencrypted-topic").get(0).module());
        assertNull(only(findings, "infra-unencrypted-bucket").get(0).module());
        // The core's queue is encrypted with the shared key and enforces TLS; the key rotates.
        assertEquals(List.of(), only(findings, "infra-unencrypted-queue"));
        assertEquals(List.of(), only(findings, "infra-queue-without-ssl-enforcement"));
        assertEquals(List.of(), only(findings, "infra-kms-key-rotation-disabled"));
    }

    @Test
    void fingerprintsIgnoreLinesAndNameTheVariable() {
        String password = Fakes.password(20);
        String fn = resource("Fn", "AWS::Lambda::Function",
                "{\"Environment\": {\"Variables\": " + object("DB_PASSWORD", password, "API_TOKEN", password) + "}}");
        List<Finding> before = only(Templates.check(dir, template(fn)), "infra-secret-in-lambda-environment");
        List<Finding> after = only(Templates.check(dir, template(
                resource("Earlier", "AWS::SQS::Queue", "{}"), fn)), "infra-secret-in-lambda-environment");

        assertNotEquals(before.get(0).location().line(), after.get(0).location().line());
        assertEquals(before.stream().map(Finding::fingerprint).toList(),
                after.stream().map(Finding::fingerprint).toList());
        String rule = "infra-secret-in-lambda-environment";
        String path = "cdk.out/Stack.template.json";
        Set<String> expected = Set.of(Fingerprints.of(rule, path, "Fn", "DB_PASSWORD"),
                Fingerprints.of(rule, path, "Fn", "API_TOKEN"));
        assertEquals(expected, new HashSet<>(before.stream().map(Finding::fingerprint).toList()));

        Finding topic = only(Templates.check(dir, template(resource("T", "AWS::SNS::Topic", "{}"))),
                "infra-unencrypted-topic").get(0);
        assertEquals(Fingerprints.of("infra-unencrypted-topic", "cdk.out/Stack.template.json", "T"),
                topic.fingerprint());
    }

    @Test
    void assemblyChecksTopLevelAndNestedTemplates() {
        Path cdkOut = dir.resolve("cdk.out");
        String topic = template(resource("Topic", "AWS::SNS::Topic", "{}"));
        Fakes.write(cdkOut.resolve("Core.template.json"), topic);
        Fakes.write(cdkOut.resolve("assembly-Prod/ProdCore.template.json"), topic);
        Fakes.write(cdkOut.resolve("manifest.json"), "{\"Resources\": {\"X\": {\"Type\": \"AWS::SNS::Topic\"}}}");
        Fakes.write(cdkOut.resolve("asset.abc/Other.template.json"), topic);

        List<Finding> findings = TemplateRules.checkAssembly(cdkOut, "app/cdk.out", false);

        assertEquals(List.of("app/cdk.out/Core.template.json", "app/cdk.out/assembly-Prod/ProdCore.template.json"),
                findings.stream().map(f -> f.location().file()).distinct().toList());
        assertEquals(List.of(), TemplateRules.checkAssembly(dir.resolve("missing"), "cdk.out", false));
    }

    @Test
    void malformedTemplateIsReportedWithoutItsContent() {
        String password = Fakes.password(21);
        String text = "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"P\": \"" + password + "\" ]}";
        List<Finding> findings = Templates.check(dir, text);

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("infra-unchecked-file", f.ruleId());
        assertEquals(Severity.LOW, f.severity());
        assertEquals(1, f.location().line());
        assertTrue(f.message().contains("not valid JSON"), f.message());
        Fakes.assertNoLeak(findings, password);

        assertEquals("infra-unchecked-file", Templates.check(dir, "[]").get(0).ruleId());
    }

    @Test
    void cleanTemplateHasNoFindings() {
        String key = "{\"Fn::GetAtt\": [\"Key\", \"Arn\"]}";
        List<Finding> findings = Templates.check(dir, template(
                resource("Key", "AWS::KMS::Key", "{\"EnableKeyRotation\": true}"),
                resource("Topic", "AWS::SNS::Topic", "{\"KmsMasterKeyId\": " + key + "}"),
                resource("Logs", "AWS::Logs::LogGroup", "{\"KmsKeyId\": " + key + ", \"RetentionInDays\": 400}"),
                resource("Fn", "AWS::Lambda::Function", "{\"ReservedConcurrentExecutions\": 2,"
                        + " \"DeadLetterConfig\": {\"TargetArn\": \"arn:aws:sqs:eu-west-1:1:dlq\"}}")), true);

        assertEquals(List.of(), findings);
    }

    @Test
    void rulesAreListedWithStableIds() {
        List<Rule> rules = TemplateRules.rules();
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            assertTrue(rule.id().matches("infra-[a-z0-9]+(-[a-z0-9]+)*"), rule.id());
            assertTrue(ids.add(rule.id()), "duplicate " + rule.id());
            assertFalse(rule.description().isBlank());
            assertFalse(rule.hint().isBlank());
        }
        assertTrue(ids.containsAll(List.of("infra-secret-in-lambda-environment", "infra-secret-in-custom-resource",
                "infra-secret-in-output", "infra-literal-secret-string", "infra-unencrypted-queue",
                "infra-unencrypted-topic", "infra-unencrypted-log-group", "infra-table-without-kms",
                "infra-unencrypted-bucket", "infra-queue-without-ssl-enforcement", "infra-kms-key-rotation-disabled",
                "infra-lambda-no-reserved-concurrency", "infra-lambda-no-failure-destination",
                "infra-log-retention-short", "infra-unpinned-dependency", "infra-unchecked-file")));
    }
}
