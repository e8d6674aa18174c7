package dev.slk.stack.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slk.core.testing.Configs;
import dev.slk.stack.core.CoreStack;
import dev.slk.stack.testing.Stacks;
import dev.slk.stack.testing.TestArtifacts;
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
        List<LoadedModule> loaded = new ModuleAssembly(stack, Stacks.registry()).addEnabledModules();
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
    @ValueSource(strings = {"createResources", "requiredPermissions", "outputs", "healthChecks"})
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
    void statementsWithoutARoleToCarryThemAreAnError() {
        ModuleHookException e = assertThrows(ModuleHookException.class, () -> Stacks.build(Configs.minimalWith("""
                integrations:
                  poller:
                    enabled: true
                    config:
                      withoutRole: true
                """)));
        assertEquals("module 'poller' failed in requiredPermissions: 1 statement(s) returned, but createResources "
                + "created no IAM role to attach them to", e.getMessage());
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
