package dev.slk.iam;

import static dev.slk.iam.Templates.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One failing and one passing case per rule, on small templates. */
class IamRulesTest {
    private static final String QUEUE_ARN = "{\"Fn::GetAtt\": [\"AlphaQueue\", \"Arn\"]}";

    private static String allow(String actions, String resources) {
        return "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": " + resources + "}";
    }

    private static void assertOnly(List<String> found, String rule) {
        assertEquals(List.of(rule), found.stream().filter(rule::equals).toList(), found.toString());
    }

    @Test
    void theBaseTemplateWithAScopedStatementHasNoFindings() {
        assertEquals(List.of(), rules(allow("[\"sqs:SendMessage\", \"sqs:GetQueueUrl\"]", QUEUE_ARN)));
    }

    @Test
    void aStatementWithoutEffectOrResourceIsMalformed() {
        assertOnly(rules("{\"Action\": \"sqs:SendMessage\"}"), "iam-malformed-statement");
        assertEquals(List.of(), rules(allow("\"sqs:SendMessage\"", QUEUE_ARN)));
    }

    @Test
    void aMissingOrOldVersionIsFound() {
        String old = Templates.withStatements(allow("\"sqs:SendMessage\"", QUEUE_ARN), "")
                .replaceFirst("\"PolicyDocument\": \\{\"Version\": \"2012-10-17\"", "\"PolicyDocument\": {\"Version\": \"2008-10-17\"");
        List<Finding> found = Templates.analyze(old);
        assertEquals(List.of("iam-policy-version"), found.stream().map(Finding::ruleId).toList());
        assertTrue(found.get(0).message().contains("has Version 2008-10-17"), found.get(0).message());
    }

    @Test
    void aHyphenInASidIsInvalidAndADuplicateSidIsFound() {
        assertOnly(rules("{\"Sid\": \"Send-Events\", \"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": "
                + QUEUE_ARN + "}"), "iam-invalid-sid");
        String twice = "{\"Sid\": \"Send\", \"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": " + QUEUE_ARN + "}";
        assertOnly(rules(twice + "," + twice), "iam-duplicate-sid");
        assertEquals(List.of(), rules(twice));
    }

    @Test
    void anUnknownServiceAndAnUnknownActionAreFoundWithSuggestions() {
        List<Finding> service = Templates.analyze(Templates.withStatements(allow("\"sqq:SendMessage\"", QUEUE_ARN), ""));
        assertEquals("iam-unknown-service", service.get(0).ruleId());
        assertTrue(service.get(0).message().contains("did you mean 'sqs'?"), service.get(0).message());
        List<Finding> action = Templates.analyze(Templates.withStatements(allow("\"sqs:SendMesage\"", QUEUE_ARN), ""));
        assertEquals(List.of("iam-unknown-action"), action.stream().map(Finding::ruleId).toList());
        assertTrue(action.get(0).message().contains("did you mean sqs:SendMessage"), action.get(0).message());
        assertEquals(List.of(), rules(allow("\"sqs:Send*\"", QUEUE_ARN)));
    }

    @Test
    void aConditionKeyNoActionSupportsIsFoundAndAGlobalOrOwnKeyIsNot() {
        String statement = "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": " + QUEUE_ARN
                + ", \"Condition\": {\"StringEquals\": {\"%s\": \"x\"}}}";
        assertOnly(rules(statement.formatted("s3:prefix")), "iam-unknown-condition-key");
        assertEquals(List.of(), rules(statement.formatted("aws:PrincipalOrgID")));
        assertEquals(List.of(), rules(statement.formatted("aws:ResourceTag/team")));
    }

    @Test
    void anOperatorThatDoesNotFitTheKeysTypeIsFound() {
        String statement = "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": " + QUEUE_ARN
                + ", \"Condition\": {\"%s\": {\"aws:SecureTransport\": \"true\"}}}";
        assertOnly(rules(statement.formatted("StringEquals")), "iam-condition-operator-type");
        assertEquals(List.of(), rules(statement.formatted("Bool")));
    }

    @Test
    void anActionWhoseResourceTypeCannotMatchIsFound() {
        assertOnly(rules(allow("\"s3:GetObject\"", QUEUE_ARN)), "iam-resource-mismatch");
        assertOnly(rules(allow("\"sqs:ListQueues\"", QUEUE_ARN)), "iam-resource-mismatch");
        assertEquals(List.of(), rules(allow("\"s3:GetObject\"",
                "{\"Fn::Join\": [\"\", [{\"Fn::GetAtt\": [\"AlphaBucket\", \"Arn\"]}, \"/*\"]]}")));
    }

    @Test
    void aWildcardResourceOnAScopableActionIsFoundAndOneOnAnActionThatTakesNoneIsNot() {
        assertOnly(rules(allow("\"sqs:SendMessage\"", "\"*\"")), "iam-wildcard-resource");
        assertOnly(rules(allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:*:*:*\"")), "iam-wildcard-resource");
        assertEquals(List.of(), rules(allow("\"sqs:ListQueues\"", "\"*\"")));
    }

    @Test
    void suffixWildcardsInsideOwnedResourcesAndNamePrefixesAreNotWildcardFindings() {
        assertEquals(List.of(), rules(allow("[\"logs:CreateLogStream\", \"logs:PutLogEvents\"]",
                "{\"Fn::Sub\": \"${AlphaLogGroup.Arn}:*\"}")));
        assertEquals(List.of(), rules(allow("\"s3:PutObject\"",
                "{\"Fn::Join\": [\"\", [{\"Fn::GetAtt\": [\"AlphaBucket\", \"Arn\"]}, \"/ext/*\"]]}")));
        assertEquals(List.of(), rules(allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:eu-west-1:111122223333:alpha-*\"")));
    }

    @Test
    void actionWildcardsAreFound() {
        assertOnly(rules(allow("\"sqs:*\"", QUEUE_ARN)), "iam-wildcard-action");
        assertTrue(rules(allow("\"*\"", "\"*\"")).contains("iam-wildcard-action"));
        assertEquals(List.of(), rules(allow("\"sqs:Send*\"", QUEUE_ARN)));
    }

    @Test
    void notActionWithAllowIsFoundAndWithDenyIsNot() {
        assertOnly(rules("{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": " + QUEUE_ARN + "}"),
                "iam-allow-not-action");
        assertEquals(List.of(), rules(allow("\"sqs:SendMessage\"", QUEUE_ARN)
                + ", {\"Effect\": \"Deny\", \"NotAction\": \"sqs:SendMessage\", \"Resource\": " + QUEUE_ARN + "}"));
    }

    @Test
    void aKnownEscalationCombinationIsFoundOnceForTheRole() {
        List<Finding> found = Templates.analyze(Templates.withStatements(allow("[\"iam:PassRole\", \"lambda:CreateFunction\", "
                + "\"lambda:InvokeFunction\"]", "\"arn:aws:iam::111122223333:role/x\""), ""));
        List<Finding> escalation = found.stream().filter(f -> f.ruleId().equals("iam-privilege-escalation")).toList();
        assertEquals(1, escalation.size(), found.toString());
        assertTrue(escalation.get(0).message().contains("iam:passrole + lambda:createfunction + lambda:invokefunction"),
                escalation.get(0).message());
        assertEquals("alpha", escalation.get(0).module());
        assertFalse(rules(allow("\"lambda:InvokeFunction\"", "\"arn:aws:lambda:eu-west-1:111122223333:function:x\""))
                .contains("iam-privilege-escalation"));
    }

    @Test
    void passRoleOnAnyRoleIsHighAndOnANamedRoleWithoutServiceConditionIsLow() {
        assertOnly(rules(allow("\"iam:PassRole\"", "\"*\"")), "iam-passrole-unscoped");
        assertOnly(rules(allow("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/x\"")), "iam-passrole-no-service");
        assertEquals(List.of(), rules("{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": "
                + "\"arn:aws:iam::111122223333:role/x\", \"Condition\": {\"StringEquals\": "
                + "{\"iam:PassedToService\": \"glue.amazonaws.com\"}}}"));
    }

    @Test
    void credentialsExfiltrationAndPermissionsManagementOnStarAreFound() {
        assertOnly(rules(allow("\"iam:CreateAccessKey\"", "\"*\"")), "iam-credentials-exposure");
        assertOnly(rules(allow("\"secretsmanager:GetSecretValue\"", "\"*\"")), "iam-data-exfiltration");
        assertOnly(rules(allow("\"ssm:GetParameter\"", "\"*\"")), "iam-data-exfiltration");
        assertOnly(rules(allow("\"sqs:SetQueueAttributes\"", "\"*\"")), "iam-permissions-management");
        assertEquals(List.of(), rules(allow("\"secretsmanager:GetSecretValue\"",
                "\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:alpha-??????\"")));
    }

    @Test
    void aModuleReadingAnotherModulesSecretIsCrossModuleAccess() {
        List<Finding> found = Templates.analyze(Templates.withStatements(
                allow("\"secretsmanager:GetSecretValue\"", "{\"Ref\": \"BetaSecret\"}"), ""));
        assertEquals(List.of("iam-cross-module-access"), found.stream().map(Finding::ruleId).toList());
        assertTrue(found.get(0).message().contains("AWS::SecretsManager::Secret BetaSecret (module beta)"),
                found.get(0).message());
        assertEquals(List.of(), rules(allow("\"kms:Decrypt\"", "{\"Fn::GetAtt\": [\"CoreKey\", \"Arn\"]}")));
    }

    @Test
    void kmsDataActionsOnStarAreFoundInIdentityPoliciesButNotInKeyPolicies() {
        assertOnly(rules(allow("[\"kms:Decrypt\", \"kms:GenerateDataKey\"]", "\"*\"")), "iam-kms-wildcard");
        // The base template's key policy grants kms:* on "*" to the account: "this key", not a finding.
        assertEquals(List.of(), rules(allow("\"kms:Decrypt\"", "{\"Fn::GetAtt\": [\"CoreKey\", \"Arn\"]}")));
    }

    @Test
    void anyPrincipalAndServicesWithoutSourceConditionsAreFoundInResourcePolicies() {
        String queuePolicy = """
                "AlphaQueuePolicy": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "AlphaQueue"}],
                  "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": %s,
                  "Action": "sqs:SendMessage", "Resource": {"Fn::GetAtt": ["AlphaQueue", "Arn"]}%s}]}}}""";
        String ok = allow("\"sqs:SendMessage\"", QUEUE_ARN);
        assertOnly(rules(ok, queuePolicy.formatted("\"*\"", "")), "iam-trust-any-principal");
        assertOnly(rules(ok, queuePolicy.formatted("{\"Service\": \"sns.amazonaws.com\"}", "")), "iam-confused-deputy");
        assertEquals(List.of(), rules(ok, queuePolicy.formatted("{\"Service\": \"sns.amazonaws.com\"}",
                ", \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:sns:eu-west-1:111122223333:t\"}}")));
    }

    @Test
    void aLambdaPermissionForAServiceWithoutSourceArnIsAConfusedDeputy() {
        String fn = "\"AlphaFunction\": {\"Type\": \"AWS::Lambda::Function\", \"Metadata\": {\"aws:cdk:path\": "
                + "\"Stack/modules/alpha/Fn/Resource\"}}, \"AlphaPermission\": {\"Type\": \"AWS::Lambda::Permission\", "
                + "\"Properties\": {\"Action\": \"lambda:InvokeFunction\", \"Principal\": \"events.amazonaws.com\", "
                + "\"FunctionName\": {\"Fn::GetAtt\": [\"AlphaFunction\", \"Arn\"]}%s}}";
        String ok = allow("\"sqs:SendMessage\"", QUEUE_ARN);
        assertOnly(rules(ok, fn.formatted("")), "iam-confused-deputy");
        assertEquals(List.of(), rules(ok, fn.formatted(", \"SourceArn\": \"arn:aws:events:eu-west-1:111122223333:rule/r\"")));
    }

    @Test
    void cdkNagSuppressionsThatMatchNothingOrHideRiskyWildcardsAreFound() {
        String nag = "\"cdk_nag\": {\"rules_to_suppress\": [{\"id\": \"AwsSolutions-IAM5\", \"reason\": \"r\", "
                + "\"applies_to\": [%s]}]}";
        String withNag = Templates.withStatements(allow("[\"sqs:SendMessage\", \"iam:Put*\"]",
                "\"arn:aws:iam::111122223333:role/alpha-x\""), "")
                .replace("\"Metadata\": {\"aws:cdk:path\": \"Stack/modules/alpha/Role/DefaultPolicy/Resource\"}",
                        "\"Metadata\": {\"aws:cdk:path\": \"Stack/modules/alpha/Role/DefaultPolicy/Resource\", "
                                + nag.formatted("\"Action::iam:Put*\", \"Action::s3:*\"") + "}");
        List<String> found = Templates.analyze(withNag).stream().map(Finding::ruleId).toList();
        assertTrue(found.contains("iam-nag-suppression-hides-risk"), found.toString());
        assertTrue(found.contains("iam-nag-stale-suppression"), found.toString());
        assertEquals(1, found.stream().filter("iam-nag-stale-suppression"::equals).count(), found.toString());
    }
}
