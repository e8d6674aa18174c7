package dev.slk.iam;

import dev.slk.assembly.StackTemplate;
import dev.slk.core.findings.Finding;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ManagedPolicies;
import dev.slk.iam.envelope.AccessBaseline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Small templates for the rule tests: module alpha's role and policy, beside resources of alpha, beta and the core. */
final class Templates {
    static final ActionCatalogue CATALOGUE = ActionCatalogue.bundled();

    private Templates() {
    }

    private static String meta(String path) {
        return "\"Metadata\": {\"aws:cdk:path\": \"Stack/" + path + "/Resource\"}";
    }

    /** A template whose policy AlphaPolicy (on AlphaRole) holds the statements; {@code extra} adds resources. */
    static String withStatements(String statements, String extra) {
        return """
                {"Resources": {
                  "AlphaRole": {"Type": "AWS::IAM::Role", %s, "Properties": {"AssumeRolePolicyDocument": {
                    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole"}]}}},
                  "AlphaPolicy": {"Type": "AWS::IAM::Policy", %s, "Properties": {"PolicyName": "p", "Roles": [{"Ref": "AlphaRole"}],
                    "PolicyDocument": {"Version": "2012-10-17", "Statement": [%s]}}},
                  "AlphaQueue": {"Type": "AWS::SQS::Queue", %s},
                  "AlphaLogGroup": {"Type": "AWS::Logs::LogGroup", %s},
                  "AlphaBucket": {"Type": "AWS::S3::Bucket", %s},
                  "BetaSecret": {"Type": "AWS::SecretsManager::Secret", %s},
                  "CoreKey": {"Type": "AWS::KMS::Key", %s, "Properties": {"KeyPolicy": {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}},
                    "Action": "kms:*", "Resource": "*"}]}}}%s
                }}
                """.formatted(meta("modules/alpha/Role"), meta("modules/alpha/Role/DefaultPolicy"),
                statements, meta("modules/alpha/Queue"), meta("modules/alpha/Logs"), meta("modules/alpha/Bucket"),
                meta("modules/beta/Secret"), meta("SharedKey"), extra.isEmpty() ? "" : ",\n" + extra);
    }

    static List<Finding> analyze(String json) {
        return analyze(json, null, null);
    }

    static List<Finding> analyze(String json, String module, AccessBaseline baseline) {
        return run(json, module, baseline).findings();
    }

    static IamAnalysis run(String json, String module, AccessBaseline baseline) {
        try {
            Path file = Files.createTempFile("iam", ".template.json");
            try {
                Files.writeString(file, json);
                StackTemplate stack = StackTemplate.read(file, "Stack", "t.json");
                return new IamAnalyzer().analyze(new IamRequest(List.of(stack), module, CATALOGUE,
                        ManagedPolicies::bundled, Function.identity(), baseline, baseline == null ? null : "b.json"));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StackTemplate.UnreadableTemplateException e) {
            throw new IllegalArgumentException("test template at " + e.line() + ":" + e.column() + ": " + e.getMessage());
        }
    }

    /** @return the rule ids of the findings, in report order */
    static List<String> rules(String statements) {
        return rules(statements, "");
    }

    static List<String> rules(String statements, String extra) {
        return analyze(withStatements(statements, extra)).stream().map(Finding::ruleId).toList();
    }
}
