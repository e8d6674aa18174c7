package dev.slk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.assembly.CloudAssembly;
import dev.slk.assembly.Owner;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.testing.Configs;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.scan.infra.TemplateRules;
import dev.slk.stack.testing.Stacks;
import dev.slk.stack.testing.TestArtifacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud-assembly model on an assembly {@code slk synth} really writes (core stack plus the
 * poller test module), synthesized once for the class.
 */
class CloudAssemblyModelTest {
    private static final Owner POLLER = new Owner.Module("poller");

    @TempDir
    static Path work;

    private static CloudAssembly assembly;
    private static StackTemplate stack;

    @BeforeAll
    static void synthesizeOnce() throws Exception {
        String yaml = Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                """);
        Path out = work.resolve("cdk.out");
        SynthResult result = new Synthesizer(Stacks.registry(), TestArtifacts.artifacts(), "node", line -> { })
                .synthesize(new YamlLoader().parse(yaml, "config.yaml"), null, out, false);
        assertTrue(assertInstanceOf(SynthResult.Synthesized.class, result).summary().written());
        assembly = CloudAssembly.read(out);
        stack = assembly.stacks().get(0);
    }

    @Test
    void theManifestNamesTheOneStackAndEveryResourceHasAConstructPath() {
        assertEquals(List.of(), assembly.problems());
        assertEquals(List.of("demo-dev"), assembly.stacks().stream().map(StackTemplate::stackName).toList());
        assertEquals("demo-dev.template.json", stack.file());
        List<Resource> withoutPath = assembly.resources().filter(r -> r.constructPath().isEmpty()).toList();
        assertEquals(List.of(), withoutPath);
        assertTrue(assembly.resources().allMatch(r -> r.constructPath().startsWith("demo-dev/")));
    }

    @Test
    void theModulesResourcesAreItsAndTheRestIsTheCoresOrTheCdks() {
        List<Resource> poller = assembly.resourcesOwnedBy(POLLER);
        assertTrue(poller.stream().allMatch(r -> r.constructPath().startsWith("demo-dev/modules/poller/")));
        Set<String> types = poller.stream().map(Resource::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("AWS::Lambda::Function", "AWS::IAM::Role", "AWS::Logs::LogGroup",
                "AWS::SQS::Queue", "AWS::Events::Rule", "AWS::CloudWatch::Alarm")), types.toString());
        Resource queue = stack.resourcesOfType("AWS::SQS::Queue").stream()
                .filter(r -> r.constructPath().equals("demo-dev/EventQueue/Resource")).findFirst()
                .orElseThrow(() -> new AssertionError("no core event queue at the expected path"));
        assertEquals(Owner.CORE, queue.owner());
        assertTrue(assembly.resources().noneMatch(r -> r.owner().equals(Owner.UNATTRIBUTED)));
        assembly.resources().filter(r -> r.owner().equals(Owner.CDK_FRAMEWORK))
                .forEach(r -> assertFalse(r.constructPath().contains("/modules/"), r.constructPath()));
    }

    @Test
    void referencesResolveToTheResourcesTheyNameThroughGetAttRefAndJoin() {
        Resource function = assembly.resourcesOwnedBy(POLLER).stream()
                .filter(r -> r.type().equals("AWS::Lambda::Function")).findFirst().orElseThrow();
        List<Resource> targets = stack.referencedResources(function.properties());
        Set<String> types = targets.stream().map(Resource::type).collect(Collectors.toSet());
        // Its role (GetAtt Arn), its DLQ (GetAtt Arn), its log group (Ref) and the core's event queue (Ref, in the environment).
        assertTrue(types.containsAll(Set.of("AWS::IAM::Role", "AWS::SQS::Queue", "AWS::Logs::LogGroup")), types.toString());
        assertTrue(targets.stream().anyMatch(r -> r.owner().equals(Owner.CORE) && r.type().equals("AWS::SQS::Queue")),
                "the core event queue the function sends to");
        // A policy names its log group through Fn::Join of a GetAtt.
        Resource policy = assembly.resourcesOwnedBy(POLLER).stream()
                .filter(r -> r.type().equals("AWS::IAM::Policy")).findFirst().orElseThrow();
        assertTrue(stack.referencedResources(policy.properties().path("PolicyDocument")).stream()
                .anyMatch(r -> r.type().equals("AWS::Logs::LogGroup") && r.owner().equals(POLLER)));
    }

    @Test
    void securityScanAttributesTheModulesOwnInfrastructureFindingsToIt() {
        List<Finding> findings = TemplateRules.checkAssembly(assembly, "cdk.out");
        List<Finding> poller = findings.stream().filter(f -> "poller".equals(f.module())).toList();
        assertEquals(List.of("infra-unencrypted-log-group"), poller.stream().map(Finding::ruleId).toList());
        Resource logs = stack.resourcesOfType("AWS::Logs::LogGroup").stream().filter(r -> r.owner().equals(POLLER))
                .findFirst().orElseThrow();
        ResourceLocation at = (ResourceLocation) poller.get(0).location();
        assertEquals(logs.line(), at.line());
        assertEquals("demo-dev", at.stack());
        assertEquals(logs.logicalId(), at.logicalId());
        assertEquals(logs.constructPath(), at.constructPath());
        assertTrue(poller.get(0).message().contains(logs.logicalId()), poller.get(0).message());
    }
}
