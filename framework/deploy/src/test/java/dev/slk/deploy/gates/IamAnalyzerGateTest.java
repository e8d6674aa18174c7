package dev.slk.deploy.gates;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlLoader;
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
}
