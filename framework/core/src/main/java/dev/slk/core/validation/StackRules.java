package dev.slk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
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
            new DeployedName("/coreProcessing/eventTransformer/functionName", null, 64, "Lambda function",
                    "/coreProcessing/eventTransformer/enabled"),
            new DeployedName("/coreProcessing/securityHubProcessor/functionName", null, 64, "Lambda function",
                    "/securityHub/enabled"),
            new DeployedName("/sqsQueue/queueName", null, 80, "SQS queue", "/sqsQueue/enabled"),
            new DeployedName("/sqsQueue/deadLetterQueue/queueName", null, 80, "SQS queue", "/sqsQueue/enabled"),
            new DeployedName("/monitoring/alarms/snsTopicName", null, 256, "SNS topic", "/monitoring/alarms/enabled"),
            new DeployedName("/projectName", "custom-sources", 64, "Lambda function", "/securityLake/enabled"),
            new DeployedName("/projectName", "custom-sources-dlq", 80, "SQS queue", "/securityLake/enabled"),
            new DeployedName("/projectName", "asff-queue", 80, "SQS queue", "/securityHub/enabled"));

    static void check(RuleContext ctx) {
        deployedNames(ctx);
        eventQueue(ctx);
        for (String function : List.of("eventTransformer", "securityHubProcessor")) {
            variables(ctx, function);
        }
    }

    /**
     * A name key the user wrote is reported at that key; a name slk chooses (fixed or defaulted) is
     * too long because of the project name, so it is reported once, at projectName.
     */
    static void deployedNames(RuleContext ctx) {
        String project = ctx.text("/projectName").filter(ProjectRules::validProjectName).orElse(null);
        String environment = ctx.text("/environment").filter(ProjectRules.ENVIRONMENTS::contains).orElse(null);
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
                            + name.pointer().substring(1).replace('/', '.') + " to at most "
                            + (base.length() - deployed.length() + name.limit()) + " characters");
                }
            } else if (name.limit() - base.length() - environment.length() - 2 < projectBudget) {
                projectBudget = name.limit() - base.length() - environment.length() - 2;
                longest = "the " + name.what() + " name '" + deployed + "' (limit " + name.limit() + ")";
            }
        }
        if (project.length() > projectBudget) {
            ctx.error("resource-name", "/projectName", "projectName is " + project.length() + " characters long, too "
                    + "long for " + longest, "use at most " + projectBudget + " characters in " + environment);
        }
    }

    static void eventQueue(RuleContext ctx) {
        if (ctx.enabled("/sqsQueue/enabled")) {
            return;
        }
        List<String> enabled = new ArrayList<>();
        ctx.config().path("integrations").properties().forEach(entry -> {
            if (entry.getValue().path("enabled").asBoolean(false)) {
                enabled.add(entry.getKey());
            }
        });
        if (!enabled.isEmpty()) {
            ctx.error("sqs.required", "/sqsQueue/enabled", "sqsQueue.enabled is false, but the enabled "
                    + (enabled.size() == 1 ? "integration " : "integrations ") + String.join(", ", enabled)
                    + " send their events to the event queue", "set sqsQueue.enabled: true, or disable the integrations");
        }
    }

    static void variables(RuleContext ctx, String function) {
        String base = "/coreProcessing/" + function + "/environment";
        JsonNode variables = ctx.config().at(base);
        List<String> own = CoreFunctionVariables.setBySlk(function);
        variables.fieldNames().forEachRemaining(name -> {
            String pointer = base + "/" + name.replace("~", "~0").replace("/", "~1");
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
