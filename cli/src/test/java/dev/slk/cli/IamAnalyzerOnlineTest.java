package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iam-analyzer --online} against IAM Access Analyzer on 127.0.0.1 (the fake checks every signature). */
class IamAnalyzerOnlineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

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

    private void template(String actions) throws Exception {
        Files.writeString(dir.resolve("t.yaml"), YAML.formatted(actions));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Access Analyzer's answer: a security warning on statement 1's resource of the identity policy, else nothing. */
    private static JsonNode validation(JsonNode request) {
        ObjectNode answer = JSON.createObjectNode();
        var findings = answer.putArray("findings");
        if (request.path("policyType").asText().equals("IDENTITY_POLICY")) {
            ObjectNode f = findings.addObject();
            f.put("findingType", "SECURITY_WARNING");
            f.put("issueCode", "MISSING_RESOURCE_SCOPE_EXAMPLE");
            f.put("findingDetails", "The action can be scoped to\n a queue.");
            f.put("learnMoreLink", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html");
            var path = f.putArray("locations").addObject().putArray("path");
            path.addObject().put("value", "Statement");
            path.addObject().put("index", 1);
            path.addObject().put("value", "Resource");
        }
        return answer;
    }

    /** CheckNoNewAccess, judged on actions: FAIL naming the new statement when it has an action the existing lacks. */
    private static JsonNode noNewAccess(JsonNode request) {
        Set<String> existing = new TreeSet<>();
        json(request.path("existingPolicyDocument").asText()).path("Statement")
                .forEach(s -> s.path("Action").forEach(a -> existing.add(a.asText())));
        JsonNode statements = json(request.path("newPolicyDocument").asText()).path("Statement");
        ObjectNode answer = JSON.createObjectNode();
        var reasons = answer.putArray("reasons");
        for (int i = 0; i < statements.size(); i++) {
            JsonNode actions = statements.get(i).path("Action");
            for (JsonNode a : actions.isArray() ? actions : JSON.createArrayNode().add(actions)) {
                if (!existing.contains(a.asText())) {
                    reasons.addObject().put("description", "New access in the statement with index: " + i + ".")
                            .put("statementIndex", i);
                    break;
                }
            }
        }
        answer.put("result", reasons.isEmpty() ? "PASS" : "FAIL");
        answer.put("message", reasons.isEmpty() ? "The modified permissions do not grant new access."
                : "The modified permissions grant new access compared to your existing policy.");
        return answer;
    }

    @Test
    void onlineSendsEachPolicySignedAndMergesAccessAnalyzerFindingsIntoTheReport() throws Exception {
        template("sqs:ListQueues");
        try (FakeAccessAnalyzer aa = new FakeAccessAnalyzer().answering("/policy/validation",
                IamAnalyzerOnlineTest::validation)) {
            Slk.Result r = Slk.run(dir, aa.environment(), Slk::testModules, "iam-analyzer", "--template", "t.yaml",
                    "--online");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().startsWith("t.yaml:13:3: error: IAM Access Analyzer MISSING_RESOURCE_SCOPE_EXAMPLE in the "
                    + "policy AWS::IAM::Policy AlphaPolicy: The action can be scoped to a queue. (https://docs.aws.amazon.com/"
                    + "IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html) "
                    + "(Stack/modules/alpha/Role/DefaultPolicy/Resource) [iam-access-analyzer-security-warning] [module alpha]"),
                    r.out());
            assertFalse(r.out().contains(FakeAccessAnalyzer.SECRET.substring(0, 8)), r.out());

            List<FakeAccessAnalyzer.Call> calls = aa.calls();
            assertEquals(2, calls.size(), calls.toString());
            for (FakeAccessAnalyzer.Call c : calls) {
                assertTrue(c.signatureValid(), c.toString());
                assertEquals("access-analyzer", c.service());
                assertEquals("POST /policy/validation", c.method() + " " + c.path());
            }
            JsonNode trust = calls.get(0).body();
            assertEquals("RESOURCE_POLICY", trust.path("policyType").asText());
            assertEquals("AWS::IAM::AssumeRolePolicyDocument", trust.path("validatePolicyResourceType").asText());
            JsonNode identity = calls.get(1).body();
            assertEquals("IDENTITY_POLICY", identity.path("policyType").asText());
            assertTrue(identity.path("validatePolicyResourceType").isMissingNode(), identity.toString());
            JsonNode document = json(identity.path("policyDocument").asText());
            assertEquals("arn:aws:sqs:eu-west-1:111122223333:AlphaQueue", document.at("/Statement/0/Resource").asText());
            assertEquals("sqs:ListQueues", document.at("/Statement/1/Action").asText());
        }
    }

    @Test
    void onlineWithABaselineAsksCheckNoNewAccessWithTheBaselineAsTheExistingPolicy() throws Exception {
        template("sqs:ListQueues");
        assertEquals(0, Slk.run(dir, "iam-analyzer", "--template", "t.yaml", "--baseline", "access.json",
                "--update-baseline").exitCode());
        template("[sqs:ListQueues, sqs:ListQueueTags]");
        try (FakeAccessAnalyzer aa = new FakeAccessAnalyzer()
                .answering("/policy/validation", request -> JSON.createObjectNode().set("findings", JSON.createArrayNode()))
                .answering("/policy/check-no-new-access", IamAnalyzerOnlineTest::noNewAccess)) {
            Slk.Result r = Slk.run(dir, aa.environment(), Slk::testModules, "iam-analyzer", "--template", "t.yaml",
                    "--baseline", "access.json", "--online", "--format", "json");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            JsonNode report = json(r.out());
            Map<String, String> byRule = new HashMap<>();
            report.path("findings").forEach(f -> byRule.put(f.path("rule").asText(), f.path("message").asText()));
            assertEquals(Set.of("iam-new-access", "iam-access-analyzer-new-access", "iam-wildcard-resource"), byRule.keySet(),
                    r.out());
            assertEquals("IAM Access Analyzer CheckNoNewAccess: the policy AWS::IAM::Policy AlphaPolicy of module alpha "
                    + "allows more than its baseline access.json: The modified permissions grant new access compared to "
                    + "your existing policy. (statement #1: New access in the statement with index: 1.) "
                    + "(Stack/modules/alpha/Role/DefaultPolicy/Resource)", byRule.get("iam-access-analyzer-new-access"));

            List<FakeAccessAnalyzer.Call> checks = aa.calls().stream()
                    .filter(c -> c.path().equals("/policy/check-no-new-access")).toList();
            assertEquals(1, checks.size(), aa.calls().toString());
            assertTrue(checks.get(0).signatureValid());
            assertEquals("IDENTITY_POLICY", checks.get(0).body().path("policyType").asText());
            JsonNode existing = json(checks.get(0).body().path("existingPolicyDocument").asText());
            assertEquals("""
                    [{"Effect":"Allow","Action":["sqs:ListQueues"],"Resource":"*"},\
                    {"Effect":"Allow","Action":["sqs:SendMessage"],"Resource":"arn:aws:sqs:eu-west-1:111122223333:AlphaQueue"}]""",
                    existing.path("Statement").toString());
        }
    }

    @Test
    void onlineWithoutCredentialsIsOneLineAndExitTwoAndCallsNothing() throws Exception {
        template("sqs:ListQueues");
        try (FakeAccessAnalyzer aa = new FakeAccessAnalyzer()) {
            Map<String, String> env = Map.of("AWS_REGION", FakeAccessAnalyzer.REGION, "AWS_ENDPOINT_URL", aa.endpoint(),
                    "AWS_EC2_METADATA_DISABLED", "true", "HOME", dir.toString(),
                    "AWS_CONFIG_FILE", dir.resolve("no-config").toString(),
                    "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
            Slk.Result r = Slk.run(dir, env, Slk::testModules, "iam-analyzer", "--template", "t.yaml", "--online");
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--online: no AWS credentials found"), r.err());
            assertEquals(List.of(), aa.calls());
        }
    }

    @Test
    void aRefusalOfAccessAnalyzerIsOneLineAndExitTwo() throws Exception {
        template("sqs:ListQueues");
        try (FakeAccessAnalyzer aa = new FakeAccessAnalyzer()) {
            Map<String, String> env = new HashMap<>(aa.environment());
            env.put("AWS_SECRET_ACCESS_KEY", "not-the-secret-the-service-knows");
            Slk.Result r = Slk.run(dir, env, Slk::testModules, "iam-analyzer", "--template", "t.yaml", "--online");
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--online: IAM Access Analyzer in eu-west-1 did not answer: The request signature"),
                    r.err());
            assertFalse(aa.calls().get(0).signatureValid());
        }
    }
}
