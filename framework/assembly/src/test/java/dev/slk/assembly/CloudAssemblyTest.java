package dev.slk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest-driven reading: stage assemblies, nested stacks (found through the assets manifest),
 * unreadable templates. Real synthesized assemblies are read in the stack module's
 * {@code CloudAssemblyModelTest}.
 */
class CloudAssemblyTest {
    private static final String HASH = "a".repeat(64);

    @TempDir
    Path out;

    private void write(String file, String text) throws Exception {
        Path path = out.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @Test
    void theManifestLeadsToStacksStagesAndNestedStacks() throws Exception {
        write("manifest.json", """
                {"version": "54.0.0", "artifacts": {
                  "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}},
                  "Main": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Main.template.json"}},
                  "assembly-Stage": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Stage"}}}}
                """);
        write("Main.template.json", """
                {"Resources": {
                  "Child": {"Type": "AWS::CloudFormation::Stack", "Properties": {"TemplateURL": {"Fn::Join": ["",
                    ["https://s3.", {"Ref": "AWS::Region"}, ".amazonaws.com/bucket/%s.json"]]}},
                    "Metadata": {"aws:cdk:path": "Main/Child.NestedStack/Child.NestedStackResource"}}}}
                """.formatted(HASH));
        write("Main.assets.json", """
                {"files": {"%s": {"source": {"path": "MainChild.nested.template.json", "packaging": "file"}}}}
                """.formatted(HASH));
        write("MainChild.nested.template.json", """
                {"Parameters": {"Key": {"Type": "String"}}, "Resources": {
                  "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"KmsMasterKeyId": {"Ref": "Key"}},
                    "Metadata": {"aws:cdk:path": "Main/Child/modules/okta-logs/Topic/Resource"}}}}
                """);
        write("assembly-Stage/manifest.json", """
                {"artifacts": {"StageStack": {"type": "aws:cloudformation:stack",
                  "properties": {"templateFile": "StageStack.template.json", "stackName": "stage-prod"}}}}
                """);
        write("assembly-Stage/StageStack.template.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");

        CloudAssembly assembly = CloudAssembly.read(out);

        assertEquals(List.of(), assembly.problems());
        assertEquals(List.of("Main", "Main/Child", "stage-prod"),
                assembly.stacks().stream().map(StackTemplate::stackName).toList());
        assertEquals(List.of("Main.template.json", "MainChild.nested.template.json",
                "assembly-Stage/StageStack.template.json"), assembly.stacks().stream().map(StackTemplate::file).toList());
        StackTemplate nested = assembly.stacks().get(1);
        assertEquals("Main", nested.rootStackName());
        assertEquals(List.of("Key"), List.copyOf(nested.parameters()));
        Resource topic = nested.resource("Topic").orElseThrow();
        assertEquals(new Owner.Module("okta-logs"), topic.owner());
        assertEquals(2, topic.line());
        assertEquals(List.of(topic), assembly.resourcesOwnedBy(new Owner.Module("okta-logs")));
        assertEquals(Owner.UNATTRIBUTED, assembly.stacks().get(2).resource("Q").orElseThrow().owner());
        // A reference to a parameter is no resource of the template.
        assertEquals(List.of(), nested.referencedResources(topic.properties()));
    }

    @Test
    void withoutAManifestEveryTemplateIsReadAndABrokenOneIsAProblemNotAFailure() throws Exception {
        write("A.template.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");
        write("B.template.json", "{\n  \"Resources\": [,\n");

        CloudAssembly assembly = CloudAssembly.read(out);

        assertEquals(List.of("A"), assembly.stacks().stream().map(StackTemplate::stackName).toList());
        assertEquals(1, assembly.problems().size());
        AssemblyProblem problem = assembly.problems().get(0);
        assertEquals("B.template.json", problem.file());
        assertEquals("it is not valid JSON", problem.message());
        assertEquals(2, problem.line());
    }

    @Test
    void aMissingDirectoryIsAnEmptyAssembly() {
        CloudAssembly assembly = CloudAssembly.read(out.resolve("absent"));
        assertEquals(List.of(), assembly.stacks());
        assertEquals(List.of(), assembly.problems());
    }
}
