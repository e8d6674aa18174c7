package dev.slk.stack.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.testing.Configs;
import dev.slk.kit.FunctionDefaults;
import dev.slk.kit.ModuleFunction;
import dev.slk.stack.testing.Stacks;
import dev.slk.stack.testing.TestArtifacts;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

/**
 * A core function and a module function, built in one stack, carry the same security settings:
 * both come from the module kit with the project's defaults, so a default changed there reaches
 * both. Compared in the synthesized template, with and without the shared key.
 */
class CoreAndModuleFunctionsAreBuiltAlikeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"CUSTOMER_MANAGED_CMK", "AWS_OWNED_CMK"})
    void theCustomSourceProviderAndAModuleFunctionHaveTheSameSecuritySettings(String keyType) {
        CoreStack stack = new CoreStack(new App(), Stacks.config(Configs.minimalWith("encryption:\n  keyType: "
                + keyType + "\n")), TestArtifacts.artifacts());
        ModuleFunction module = ModuleFunction.builder(new Construct(stack, "modules"), "ProbeEventProcessor")
                .handler("com.example.Handler::handleRequest")
                .code(TestArtifacts.anyZip())
                .schedule("rate(5 minutes)")
                .build(FunctionDefaults.of(stack.coreResources()));
        JsonNode resources = JSON.valueToTree(Template.fromStack(stack).toJSON()).path("Resources");

        String moduleId = stack.getLogicalId((software.amazon.awscdk.CfnElement) module.function().getNode()
                .getDefaultChild());
        String coreId = logicalIdWithHandler(resources, "dev.slk.lambda.customsource.CustomLogSourceHandler::handleRequest");
        JsonNode core = securitySettings(resources, coreId);
        assertEquals(core, securitySettings(resources, moduleId));
        assertEquals(keyType.equals("CUSTOMER_MANAGED_CMK"), core.path("environmentKey").isObject(), core.toString());
        assertEquals(keyType.equals("CUSTOMER_MANAGED_CMK"), core.path("logGroupKey").isObject(), core.toString());
        assertEquals(keyType.equals("CUSTOMER_MANAGED_CMK"), core.path("deadLetterKey").isObject(), core.toString());
        assertEquals("java21", core.path("runtime").asText());
        assertEquals(90, core.path("retentionDays").asInt());
        assertTrue(core.path("managedPolicies").isMissingNode() || core.path("managedPolicies").isNull(),
                core.toString());
        assertFalse(core.path("suppressed").isEmpty(), core.toString());
    }

    private static String logicalIdWithHandler(JsonNode resources, String handler) {
        List<String> ids = resources.properties().stream()
                .filter(e -> e.getValue().at("/Properties/Handler").asText().equals(handler))
                .map(java.util.Map.Entry::getKey).toList();
        assertEquals(1, ids.size(), ids.toString());
        return ids.get(0);
    }

    /** What the function's security depends on, with its log group's, dead-letter queue's and role's. */
    private static JsonNode securitySettings(JsonNode resources, String functionId) {
        JsonNode function = resources.path(functionId);
        JsonNode properties = function.path("Properties");
        ObjectNode settings = JSON.createObjectNode();
        settings.set("runtime", properties.path("Runtime"));
        settings.set("architectures", properties.path("Architectures"));
        settings.set("environmentKey", properties.path("KmsKeyArn"));
        settings.set("tracing", properties.path("TracingConfig"));
        settings.set("suppressed", function.at("/Metadata/cdk_nag/rules_to_suppress"));
        JsonNode logGroup = resources.path(properties.at("/LoggingConfig/LogGroup/Ref").asText());
        settings.set("logGroupKey", logGroup.at("/Properties/KmsKeyId"));
        settings.set("retentionDays", logGroup.at("/Properties/RetentionInDays"));
        settings.set("logGroupDeletion", logGroup.path("DeletionPolicy"));
        JsonNode deadLetters = resources.path(properties.at("/DeadLetterConfig/TargetArn/Fn::GetAtt/0").asText());
        settings.set("deadLetterKey", deadLetters.at("/Properties/KmsMasterKeyId"));
        settings.set("deadLetterSqsManaged", deadLetters.at("/Properties/SqsManagedSseEnabled"));
        settings.set("deadLetterRetention", deadLetters.at("/Properties/MessageRetentionPeriod"));
        JsonNode role = resources.path(properties.at("/Role/Fn::GetAtt/0").asText());
        settings.set("assumedBy", role.at("/Properties/AssumeRolePolicyDocument"));
        settings.set("managedPolicies", role.at("/Properties/ManagedPolicyArns"));
        return settings;
    }
}
