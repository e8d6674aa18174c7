package dev.slk.scan.infra;

import static dev.slk.scan.infra.Templates.flagged;
import static dev.slk.scan.infra.Templates.object;
import static dev.slk.scan.infra.Templates.only;
import static dev.slk.scan.infra.Templates.resource;
import static dev.slk.scan.infra.Templates.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Secrets;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRulesTest {
    private static final String LAMBDA = "AWS::Lambda::Function";
    private static final String ENV_RULE = "infra-secret-in-lambda-environment";
    private static final String CUSTOM_RULE = "infra-secret-in-custom-resource";
    private static final String OUTPUT_RULE = "infra-secret-in-output";

    @TempDir
    Path dir;

    private static String lambdaWithEnv(String id, String variables) {
        return resource(id, LAMBDA, "{\"Environment\": {\"Variables\": " + variables + "}}");
    }

    @Test
    void literalUnderSecretNamedVariableIsCritical() {
        String password = Fakes.password(1);
        List<Finding> findings = Templates.check(dir, template(
                lambdaWithEnv("Bad", object("DB_PASSWORD", password)),
                lambdaWithEnv("Good", object("DB_PASSWORD_SECRET_ARN",
                        "arn:aws:secretsmanager:eu-west-1:1:secret:x"))));

        List<Finding> secrets = only(findings, ENV_RULE);
        assertEquals(1, secrets.size());
        Finding f = secrets.get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertTrue(f.message().contains("Bad") && f.message().contains(LAMBDA) && f.message().contains("DB_PASSWORD"));
        assertEquals(Secrets.redact(password), f.evidence());
        Fakes.assertNoLeak(findings, password);
    }

    @Test
    void referencesAndDynamicReferencesAreNotLiterals() {
        String variables = "{\"API_TOKEN\": {\"Ref\": \"TokenParam\"},"
                + " \"CLIENT_SECRET\": {\"Fn::GetAtt\": [\"Secret\", \"Arn\"]},"
                + " \"DB_PASSWORD\": \"{{resolve:secretsmanager:db:SecretString:password}}\","
                + " \"API_KEY\": \"{{resolve:ssm-secure:/app/key:1}}\","
                + " \"OAUTH_TOKEN\": {\"Fn::Join\": [\"\", [\"{{resolve:secretsmanager:\", {\"Ref\": \"S\"}, \"}}\"]]},"
                + " \"TOKEN_URL\": \"https://example.okta.com/oauth2/v1/token\","
                + " \"TOKEN_TTL_SECONDS\": \"3600\","
                + " \"SECRET_ARN\": \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:okta\"}";
        List<Finding> findings = Templates.check(dir, template(lambdaWithEnv("Fn", variables)));

        assertEquals(List.of(), only(findings, ENV_RULE));
    }

    @Test
    void secretShapedLiteralsAreFlaggedWhateverTheVariableName() {
        String keyId = Fakes.accessKeyId(2);
        String base64 = Fakes.base64Secret(3);
        String pem = Fakes.privateKey(4);
        String joined = "{\"Fn::Join\": [\"\", [\"id=\", " + Templates.quote(keyId) + "]]}";
        List<Finding> findings = Templates.check(dir, template(
                lambdaWithEnv("KeyId", object("UPSTREAM_ID", keyId)),
                lambdaWithEnv("Base64", object("SETTING", base64)),
                lambdaWithEnv("Pem", object("CERT_MATERIAL", pem)),
                lambdaWithEnv("Joined", "{\"CONNECT\": " + joined + "}"),
                lambdaWithEnv("Plain", object("SETTING", "ThisIsJustAnOrdinaryConfigurationValueOk"))));

        assertEquals(List.of("Base64", "Joined", "KeyId", "Pem"),
                flagged(findings, ENV_RULE, "KeyId", "Base64", "Pem", "Joined", "Plain"));
        only(findings, ENV_RULE).forEach(f -> assertEquals(Severity.CRITICAL, f.severity()));
        for (String secret : List.of(keyId, base64, pem)) {
            Fakes.assertNoLeak(findings, secret);
        }
    }

    @Test
    void customResourcePropertiesExceptServiceToken() {
        String password = Fakes.password(5);
        String keyId = Fakes.accessKeyId(6);
        List<Finding> findings = Templates.check(dir, template(
                resource("Bad", "Custom::Setup", "{\"ServiceToken\": \"arn:aws:lambda:eu-west-1:1:function:p\","
                        + " \"ApiKey\": " + Templates.quote(password) + "}"),
                resource("Nested", "AWS::CloudFormation::CustomResource", "{\"ServiceToken\": {\"Ref\": \"P\"},"
                        + " \"Config\": {\"user\": \"svc\", \"password\": " + Templates.quote(password) + "}}"),
                resource("TokenShaped", "Custom::Setup", "{\"ServiceToken\": " + Templates.quote(keyId) + "}"),
                resource("Good", "Custom::Setup", "{\"ServiceToken\": {\"Ref\": \"P\"},"
                        + " \"ApiKey\": \"{{resolve:secretsmanager:key}}\", \"ApiKeySecretArn\": \"arn:x\"}")));

        assertEquals(List.of("Bad", "Nested"), flagged(findings, CUSTOM_RULE, "Bad", "Nested", "TokenShaped", "Good"));
        Finding bad = only(findings, CUSTOM_RULE).get(0);
        assertTrue(bad.message().contains("Custom::Setup") && bad.message().contains("ApiKey"), bad.message());
        Finding nested = only(findings, CUSTOM_RULE).get(1);
        assertTrue(nested.message().contains("property Config.password as a literal secret"), nested.message());
        Fakes.assertNoLeak(findings, password);
    }

    @Test
    void outputsWithLiteralSecrets() {
        String password = Fakes.password(7);
        String base64 = Fakes.base64Secret(8);
        String outputs = "\"Outputs\": {\n"
                + "    \"AdminPassword\": {\"Value\": " + Templates.quote(password) + "},\n"
                + "    \"Shaped\": {\"Value\": " + Templates.quote(base64) + "},\n"
                + "    \"QueueUrl\": {\"Value\": {\"Ref\": \"Queue\"}},\n"
                + "    \"TokenSecretArn\": {\"Value\": \"arn:aws:secretsmanager:eu-west-1:1:secret:t\"}\n  }";
        String text = "{\n  \"Resources\": {},\n  " + outputs + "\n}\n";
        List<Finding> findings = Templates.check(dir, text);

        assertEquals(List.of("AdminPassword", "Shaped"),
                flagged(findings, OUTPUT_RULE, "AdminPassword", "Shaped", "QueueUrl", "TokenSecretArn"));
        Finding admin = only(findings, OUTPUT_RULE).get(0);
        assertEquals(4, admin.location().line());
        assertEquals(null, admin.module());
        Fakes.assertNoLeak(findings, password);
        Fakes.assertNoLeak(findings, base64);
    }

    @Test
    void literalSecretStringIsCritical() {
        String password = Fakes.password(9);
        List<Finding> findings = Templates.check(dir, template(
                resource("Literal", "AWS::SecretsManager::Secret", object("SecretString", password)),
                resource("Generated", "AWS::SecretsManager::Secret",
                        "{\"GenerateSecretString\": {\"PasswordLength\": 32}}"),
                resource("Resolved", "AWS::SecretsManager::Secret",
                        object("SecretString", "{{resolve:ssm-secure:/x/y:1}}")),
                resource("Joined", "AWS::SecretsManager::Secret",
                        "{\"SecretString\": {\"Fn::Join\": [\"\", [{\"Ref\": \"A\"}]]}}")));

        List<Finding> literal = only(findings, "infra-literal-secret-string");
        assertEquals(List.of("Literal"), flagged(findings, "infra-literal-secret-string",
                "Literal", "Generated", "Resolved", "Joined"));
        assertEquals(Severity.CRITICAL, literal.get(0).severity());
        assertEquals(Secrets.redact(password), literal.get(0).evidence());
        Fakes.assertNoLeak(findings, password);
    }

    @Test
    void redactedShowsAtMostFourCharacters() {
        String base64 = Fakes.base64Secret(10);
        List<Finding> findings = Templates.check(dir, template(lambdaWithEnv("Fn", object("X", base64))));

        Finding f = only(findings, ENV_RULE).get(0);
        assertEquals("'" + base64.substring(0, 4) + "...' (40 characters)", f.evidence());
        Fakes.assertNoLeak(findings, base64);
    }
}
