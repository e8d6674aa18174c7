package dev.slk.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slk.assembly.Owner;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
import dev.slk.iam.policy.PolicyValue;
import dev.slk.iam.policy.Values;
import dev.slk.iam.template.TemplateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFilesTest {
    @TempDir
    Path dir;

    @Test
    void yamlShortFormTagsBecomeIntrinsicsAndKeysKeepTheirPositions() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Metadata:
                      aws:cdk:path: S/modules/alpha/Q/Resource
                  Policy:
                    Type: AWS::IAM::Policy
                    Properties:
                      Resource: !Sub "${Queue.Arn}/x"
                      Other: !GetAtt Queue.Arn
                """);
        StackTemplate t = TemplateFiles.read(file, "t.yaml");
        Resource policy = t.resource("Policy").orElseThrow();
        assertEquals(6, policy.line());
        assertEquals(3, policy.column());
        assertEquals("{\"Fn::Sub\":\"${Queue.Arn}/x\"}", policy.properties().get("Resource").toString());
        assertEquals("{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}", policy.properties().get("Other").toString());
        assertEquals(new Owner.Module("alpha"), t.resource("Queue").orElseThrow().owner());
        PolicyValue v = Values.resolve(policy.properties().get("Resource"), t);
        assertEquals("<Queue.Arn>/x", v.text());
        assertEquals("Queue", v.targets().get(0).resource().logicalId());
    }

    @Test
    void brokenYamlIsReportedAtItsPosition() throws Exception {
        Path file = dir.resolve("t.yml");
        Files.writeString(file, "Resources:\n  A: [\n");
        StackTemplate.UnreadableTemplateException e = assertThrows(StackTemplate.UnreadableTemplateException.class,
                () -> TemplateFiles.read(file, "t.yml"));
        assertEquals(3, e.line());
    }
}
