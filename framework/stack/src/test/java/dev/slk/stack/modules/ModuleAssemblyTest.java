package dev.slk.stack.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.Configs;
import dev.slk.stack.core.CoreStack;
import dev.slk.stack.testing.Stacks;
import dev.slk.stack.testing.TestArtifacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The framework calls every module hook itself, in order, and turns failures into clear errors. */
class ModuleAssemblyTest {
    private static final String POLLER = Configs.minimalWith("""
            integrations:
              poller:
                enabled: true
                config:
                  memorySize: 1024
              sample-source:
                enabled: false
            """);

    @Test
    void enabledModulesAreBuiltUnderTheirOwnScopeAndListedInConfigOrder() {
        CoreStack stack = new CoreStack(new App(), Stacks.config(POLLER), TestArtifacts.artifacts());
        List<LoadedModule> loaded = new ModuleAssembly(stack, Stacks.registry(), Stacks.mappingDirectory()).addEnabledModules();
        assertEquals(List.of("poller"), loaded.stream().map(LoadedModule::id).toList());
        assertEquals("2.1.0", loaded.get(0).version());
        assertEquals(List.of("demo-dev/modules/poller/PollerRole"), loaded.get(0).roles());
        Template template = Template.fromStack(stack);
        assertEquals("poller", template.findOutputs("EnabledModules").get("EnabledModules").get("Value"));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("MemorySize", 1024)));
    }

    @Test
    void requiredPermissionsAreAttachedToTheModulesRoleByTheFramework() {
        Template template = Stacks.template(POLLER);
        Object statement = Match.objectLike(Map.of("Sid", "ReadPollerSecret", "Action", "secretsmanager:GetSecretValue",
                "Resource", "arn:aws:secretsmanager:us-east-1:123456789012:secret:poller-AbCdEf"));
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("modulespollerPollerRole.*"))),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(statement)))))));
    }

    @Test
    void moduleOutputsArePrefixedWithTheModuleIdAndHealthChecksBecomeAlarmsOnTheTopic() {
        Template template = Stacks.template(POLLER);
        assertEquals(1, template.findOutputs("PollerFunctionName").size());
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "demo-poller-poller-errors-dev", "MetricName", "Errors", "Namespace", "AWS/Lambda",
                "Threshold", 3, "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("MonitoringAlarmTopic.*"))))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"createResources", "requiredPermissions", "outputs", "healthChecks", "eventMappings"})
    void aThrowingHookIsReportedWithModuleAndHook(String hook) {
        ModuleHookException e = assertThrows(ModuleHookException.class, () -> Stacks.build(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      failIn: %s
                """.formatted(hook))));
        assertEquals("module 'poller' failed in " + hook + ": the poller failed on purpose in " + hook,
                e.getMessage());
        assertEquals("poller", e.moduleId());
        assertEquals(hook, e.hook());
    }

    @Test
    void moduleMappingsReachTheTransformerAsALayer() {
        Template template = Stacks.template(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      mappings: [alert.yaml]
                """));
        template.resourceCountIs("AWS::Lambda::LayerVersion", 1);
        template.hasResourceProperties("AWS::Lambda::LayerVersion", Match.objectLike(Map.of(
                "CompatibleRuntimes", List.of("java21"), "CompatibleArchitectures", List.of("arm64"))));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "demo-event-transformer-dev",
                "Layers", List.of(Map.of("Ref", Match.stringLikeRegexp("EventMappingsLayer.*"))),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("SLK_MAPPINGS_DIR", "/opt/slk/mappings"))))));
    }

    @Test
    void modulesWithoutMappingsAddNoLayer() {
        Stacks.template(POLLER).resourceCountIs("AWS::Lambda::LayerVersion", 0);
    }

    @Test
    void anInvalidMappingFailsSynthesisWithItsLocation() {
        ModuleHookException e = assertThrows(ModuleHookException.class, () -> Stacks.build(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      mappings: [broken.yaml]
                """)));
        assertEquals("eventMappings", e.hook());
        assertTrue(e.getMessage().matches("module 'poller' failed in eventMappings: \\d+ problem\\(s\\) in its "
                + "mappings, first: poller/broken.yaml:7:37: unknown converter no-such-converter; .*"), e.getMessage());
    }

    @Test
    void statementsForAFunctionTheModuleDidNotCreateAreAnError() {
        ModuleHookException e = assertThrows(ModuleHookException.class, () -> Stacks.build(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      withoutRole: true
                """)));
        assertEquals("module 'poller' failed in requiredPermissions: statement 'ReadPollerSecret' is for function "
                + "'Poller', which the module did not create (createResources returned no function)", e.getMessage());
    }

    @Test
    void aStatementThatNamesNoFunctionIsAnErrorNamingTheModule() {
        ModuleHookException e = assertThrows(ModuleHookException.class, () -> Stacks.build(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      secretFor: ''
                      reporter: true
                """)));
        assertEquals("module 'poller' failed in requiredPermissions: statement 'ReadPollerSecret' names no function; "
                + "add .on(\"<function>\") (its functions are Poller, Reporter)", e.getMessage());
    }

    @Test
    void eachStatementLandsOnlyOnTheRoleOfTheFunctionItNames() {
        Template template = Stacks.template(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      reporter: true
                """));
        Map<String, List<String>> sidsByRole = new java.util.TreeMap<>();
        template.findResources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<?, ?> properties = (Map<?, ?>) policy.get("Properties");
            String role = String.valueOf(((Map<?, ?>) ((List<?>) properties.get("Roles")).get(0)).get("Ref"));
            List<?> statements = (List<?>) ((Map<?, ?>) properties.get("PolicyDocument")).get("Statement");
            statements.stream().map(st -> ((Map<?, ?>) st).get("Sid")).filter(java.util.Objects::nonNull)
                    .forEach(sid -> sidsByRole.computeIfAbsent(role, r -> new ArrayList<>()).add(sid.toString()));
        });
        List<String> poller = sidsByRole.entrySet().stream().filter(e -> e.getKey().contains("PollerRole"))
                .flatMap(e -> e.getValue().stream()).toList();
        List<String> reporter = sidsByRole.entrySet().stream().filter(e -> e.getKey().contains("ReporterRole"))
                .flatMap(e -> e.getValue().stream()).toList();
        assertTrue(poller.contains("ReadPollerSecret") && !poller.contains("PublishReports"), sidsByRole.toString());
        assertEquals(List.of("PublishReports"), reporter, sidsByRole.toString());
    }

    @Test
    void aStatementIdUsedTwiceIsAnErrorBeforeDeployment() {
        ModuleHookException e = assertThrows(ModuleHookException.class, () -> Stacks.build(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      duplicateSid: true
                """)));
        assertEquals("module 'poller' failed in requiredPermissions: statement id 'ReadPollerSecret' is used twice; "
                + "IAM requires unique Sids within a policy", e.getMessage());
    }
}
