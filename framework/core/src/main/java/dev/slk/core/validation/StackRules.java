package dev.slk.core.validation;

import static dev.slk.core.config.ConfigKeys.ALARMS_ENABLED;
import static dev.slk.core.config.ConfigKeys.ALARM_TOPIC_NAME;
import static dev.slk.core.config.ConfigKeys.CORE_FUNCTIONS;
import static dev.slk.core.config.ConfigKeys.DEAD_LETTER_QUEUE_NAME;
import static dev.slk.core.config.ConfigKeys.ENVIRONMENT;
import static dev.slk.core.config.ConfigKeys.EVENT_TRANSFORMER;
import static dev.slk.core.config.ConfigKeys.INTEGRATIONS;
import static dev.slk.core.config.ConfigKeys.PROJECT_NAME;
import static dev.slk.core.config.ConfigKeys.SECURITY_HUB_ENABLED;
import static dev.slk.core.config.ConfigKeys.SECURITY_HUB_PROCESSOR;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE_ENABLED;
import static dev.slk.core.config.ConfigKeys.SQS_QUEUE_ENABLED;
import static dev.slk.core.config.ConfigKeys.SQS_QUEUE_NAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.config.ConfigKeys;
import dev.slk.core.config.ConfigKeys.Lambda;
import dev.slk.core.config.CoreFunctionVariables;
import dev.slk.spi.EnvironmentVariables;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules on what synth builds from the config: everything synth or a deployment would refuse
 * (deployed resource names, variables slk or Lambda own, an event queue modules need) is an error
 * here first, at the key to change, so that a config validate-config accepts also synthesizes.
 */
final class StackRules {
    private StackRules() {
    }

    /** A name the stack qualifies as {@code <projectName>-<name>-<environment>}, with the service's limit. */
    private record DeployedName(String pointer, String fixedName, int limit, String what, String switchedOnBy) {
    }

    private static final List<DeployedName> NAMES = List.of(
            new DeployedName(ConfigKeys.child(EVENT_TRANSFORMER, Lambda.FUNCTION_NAME), null, 64, "Lambda function",
                    ConfigKeys.child(EVENT_TRANSFORMER, Lambda.ENABLED)),
            new DeployedName(ConfigKeys.child(SECURITY_HUB_PROCESSOR, Lambda.FUNCTION_NAME), null, 64,
                    "Lambda function", SECURITY_HUB_ENABLED),
            new DeployedName(SQS_QUEUE_NAME, null, 80, "SQS queue", SQS_QUEUE_ENABLED),
            new DeployedName(DEAD_LETTER_QUEUE_NAME, null, 80, "SQS queue", SQS_QUEUE_ENABLED),
            new DeployedName(ALARM_TOPIC_NAME, null, 256, "SNS topic", ALARMS_ENABLED),
            new DeployedName(PROJECT_NAME, "custom-sources", 64, "Lambda function", SECURITY_LAKE_ENABLED),
            new DeployedName(PROJECT_NAME, "custom-sources-dlq", 80, "SQS queue", SECURITY_LAKE_ENABLED),
            new DeployedName(PROJECT_NAME, "asff-queue", 80, "SQS queue", SECURITY_HUB_ENABLED));

    static void check(RuleContext ctx) {
        deployedNames(ctx);
        eventQueue(ctx);
        CORE_FUNCTIONS.forEach(function -> variables(ctx, function));
    }

    /**
     * A name key the user wrote is reported at that key; a name slk chooses (fixed or defaulted) is
     * too long because of the project name, so it is reported once, at projectName.
     */
    static void deployedNames(RuleContext ctx) {
        String project = ctx.text(PROJECT_NAME).filter(ProjectRules::validProjectName).orElse(null);
        String environment = ctx.text(ENVIRONMENT).filter(ProjectRules.ENVIRONMENTS::contains).orElse(null);
        if (project == null || environment == null) {
            return;
        }
        int projectBudget = Integer.MAX_VALUE;
        String longest = null;
        for (DeployedName name : NAMES) {
            String base = name.fixedName() != null ? name.fixedName() : ctx.text(name.pointer()).orElse(null);
            if (base == null || !ctx.enabled(name.switchedOnBy())) {
                continue;
            }
            String deployed = project + "-" + base + "-" + environment;
            if (name.fixedName() == null && ctx.written(name.pointer())) {
                if (deployed.length() > name.limit()) {
                    ctx.error("resource-name", name.pointer(), "the deployed " + name.what() + " name '" + deployed
                            + "' is " + deployed.length() + " characters long; AWS allows " + name.limit(), "shorten "
                            + ConfigKeys.dotted(name.pointer()) + " to at most "
                            + (base.length() - deployed.length() + name.limit()) + " characters");
                }
            } else if (name.limit() - base.length() - environment.length() - 2 < projectBudget) {
                projectBudget = name.limit() - base.length() - environment.length() - 2;
                longest = "the " + name.what() + " name '" + deployed + "' (limit " + name.limit() + ")";
            }
        }
        if (project.length() > projectBudget) {
            ctx.error("resource-name", PROJECT_NAME, "projectName is " + project.length() + " characters long, too "
                    + "long for " + longest, "use at most " + projectBudget + " characters in " + environment);
        }
    }

    static void eventQueue(RuleContext ctx) {
        if (ctx.enabled(SQS_QUEUE_ENABLED)) {
            return;
        }
        List<String> enabled = new ArrayList<>();
        ctx.config().at(INTEGRATIONS).properties().forEach(entry -> {
            if (entry.getValue().path(ConfigKeys.Integration.ENABLED).asBoolean(false)) {
                enabled.add(entry.getKey());
            }
        });
        if (!enabled.isEmpty()) {
            ctx.error("sqs.required", SQS_QUEUE_ENABLED, "sqsQueue.enabled is false, but the enabled "
                    + (enabled.size() == 1 ? "integration " : "integrations ") + String.join(", ", enabled)
                    + " send their events to the event queue", "set sqsQueue.enabled: true, or disable the integrations");
        }
    }

    /** @param block the function's block, one of {@link ConfigKeys#CORE_FUNCTIONS} */
    static void variables(RuleContext ctx, String block) {
        String function = ConfigKeys.name(block);
        String base = ConfigKeys.child(block, Lambda.ENVIRONMENT);
        JsonNode variables = ctx.config().at(base);
        List<String> own = CoreFunctionVariables.setBySlk(block);
        variables.fieldNames().forEachRemaining(name -> {
            String pointer = ConfigKeys.child(base, name);
            if (own.contains(name)) {
                ctx.error("lambda.environment", pointer, "environment variable '" + name
                        + "' is set by slk on " + function, "remove it from the config");
            } else if (EnvironmentVariables.LAMBDA_RESERVED.contains(name)) {
                ctx.error("lambda.environment", pointer, "environment variable '" + name
                        + "' is reserved by Lambda; a deployment that sets it fails", "remove it from the config");
            } else if (EnvironmentVariables.looksLikeSecret(name)) {
                ctx.error("lambda.environment", pointer, "environment variable '" + name + "' looks like it holds a "
                        + "secret; anyone who can read the function's configuration reads its environment",
                        "store the value in Secrets Manager and pass its name in a variable ending in _NAME");
            }
        });
    }
}
