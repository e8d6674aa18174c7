package dev.slk.deploy.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.iam.IamAnalysis;
import dev.slk.iam.IamAnalyzer;
import dev.slk.iam.IamRequest;
import dev.slk.iam.IamSources;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ManagedPolicies;
import dev.slk.iam.envelope.AccessBaseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamAnalyzerGateTest {
    @TempDir
    Path dir;

    @Test
    void aPolicyGrantingEverythingFailsTheGateAndNamesTheFinding() throws Exception {
        Path assembly = Files.createDirectories(dir.resolve("cdk.out"));
        Files.writeString(assembly.resolve("app-dev.template.json"), """
                {"Resources": {
                  "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                   "Action": "sts:AssumeRole"}]}}},
                  "Policy": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "p", "Roles": [{"Ref": "Role"}],
                    "PolicyDocument": {"Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}}}}
                """);
        GateContext context = new GateContext(new YamlLoader().parse("projectName: app\n", "config.yaml"), null, false,
                ModuleRegistry.discover(getClass().getClassLoader()), WorkspacePaths.of(dir, Map.of()), assembly);
        GateResult.Failed failed = assertInstanceOf(GateResult.Failed.class, new IamAnalyzerGate().run(context));
        assertTrue(failed.summary().contains(" at --fail-on medium") && failed.summary().contains("; first: cdk.out/"
                + "app-dev.template.json:"), failed.summary());
        assertTrue(failed.summary().contains("no module keeps an access baseline"), failed.summary());
    }

    @Test
    void aKeptBaselinePassesUnchangedAccessAndFailsGrownAccessNamingWhatIsNew() throws Exception {
        Path assembly = Files.createDirectories(dir.resolve("cdk.out"));
        Path template = assembly.resolve("app-dev.template.json");
        Files.writeString(template, alphaSends("\"sqs:SendMessage\""));
        Files.createDirectories(dir.resolve("modules/alpha"));
        recordBaseline(assembly, dir.resolve("modules/alpha").resolve(IamAnalyzerGate.BASELINE_FILE));
        GateContext context = new GateContext(new YamlLoader().parse("projectName: app\n", "config.yaml"), null, false,
                ModuleRegistry.discover(getClass().getClassLoader()), WorkspacePaths.of(dir, Map.of()), assembly);

        GateResult.Passed unchanged = assertInstanceOf(GateResult.Passed.class, new IamAnalyzerGate().run(context));
        assertTrue(unchanged.summary().endsWith("; baselines of alpha"), unchanged.summary());

        Files.writeString(template, alphaSends("\"sqs:SendMessage\", \"sqs:DeleteMessage\""));
        GateResult.Failed grown = assertInstanceOf(GateResult.Failed.class, new IamAnalyzerGate().run(context));
        assertTrue(grown.summary().contains("; baselines of alpha; first: cdk.out/app-dev.template.json:"), grown.summary());
        String first = grown.summary().substring(grown.summary().indexOf("; first: "));
        assertTrue(first.contains(" iam-new-access ") && first.contains("sqs:DeleteMessage")
                && !first.contains("sqs:SendMessage"), "names only what is new: " + grown.summary());
    }

    /** Records module alpha's access as {@code slk iam-analyzer --baseline FILE --update-baseline} does. */
    private static void recordBaseline(Path assembly, Path file) throws Exception {
        IamSources sources = IamSources.assembly(assembly, "cdk.out");
        IamAnalysis analysis = new IamAnalyzer().analyze(new IamRequest(sources.stacks(), null, ActionCatalogue.bundled(),
                ManagedPolicies::bundled, sources.displayFile(), null, null));
        assertEquals(java.util.Set.of("alpha"), analysis.envelopes().keySet());
        new AccessBaseline(Map.of()).with(analysis.envelopes()).write(file, "modules/alpha/iam-access.json");
    }

    /** Module alpha's role, allowed the actions on the core's queue. */
    private static String alphaSends(String actions) {
        return """
                {"Resources": {
                  "AlphaRole": {"Type": "AWS::IAM::Role", "Metadata": {"aws:cdk:path": "app-dev/modules/alpha/Role/Resource"},
                    "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                   "Action": "sts:AssumeRole"}]}}},
                  "AlphaPolicy": {"Type": "AWS::IAM::Policy",
                    "Metadata": {"aws:cdk:path": "app-dev/modules/alpha/Role/DefaultPolicy/Resource"},
                    "Properties": {"PolicyName": "p", "Roles": [{"Ref": "AlphaRole"}], "PolicyDocument": {
                      "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [%s],
                      "Resource": {"Fn::GetAtt": ["EventQueue", "Arn"]}}]}}},
                  "EventQueue": {"Type": "AWS::SQS::Queue", "Metadata": {"aws:cdk:path": "app-dev/EventQueue/Resource"}}}}
                """.formatted(actions);
    }
}
