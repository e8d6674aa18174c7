package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Owner;
import dev.slk.assembly.Resource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Concurrency limits and failure handling of Lambda functions. */
final class LambdaChecks {
    private static final String LAMBDA = "AWS::Lambda::Function";

    /** Logical-id prefixes of the functions CDK itself adds; modules cannot configure them. */
    private static final List<String> CDK_HELPER_PREFIXES = List.of("CustomResourceProvider", "LogRetention",
            "AWS679f53fac002430cb0da5b7982bd2287", "BucketNotificationsHandler");

    /** The construct path of the custom-resource provider framework's functions. */
    private static final String PROVIDER_FRAMEWORK = "/Provider/framework-";

    private LambdaChecks() {
    }

    static void check(TemplateContext ctx) {
        Set<String> queueDriven = targets(ctx, "AWS::Lambda::EventSourceMapping", false);
        Set<String> withOnFailure = targets(ctx, "AWS::Lambda::EventInvokeConfig", true);
        for (Resource function : ctx.resourcesOfType(LAMBDA)) {
            if (isCdkHelper(function)) {
                continue;
            }
            JsonNode props = function.properties();
            String name = function.logicalId() + " (" + LAMBDA + ")";
            if (!TemplateContext.present(props.path("ReservedConcurrentExecutions"))) {
                ctx.report(InfraRules.LAMBDA_CONCURRENCY, function, "Lambda function " + name
                        + " has no ReservedConcurrentExecutions", "");
            }
            boolean deadLetter = TemplateContext.present(props.path("DeadLetterConfig").path("TargetArn"));
            // A function fed by an event source mapping retries through the source; its queue's DLQ catches failures.
            if (!deadLetter && !queueDriven.contains(function.logicalId())
                    && !withOnFailure.contains(function.logicalId())) {
                ctx.report(InfraRules.LAMBDA_FAILURE_DESTINATION, function, "Lambda function " + name
                        + " has no DeadLetterConfig, no OnFailure destination and no event source mapping", "");
            }
        }
    }

    static boolean isCdkHelper(Resource function) {
        return CDK_HELPER_PREFIXES.stream().anyMatch(function.logicalId()::startsWith)
                || function.owner().equals(Owner.CDK_FRAMEWORK)
                || function.constructPath().contains(PROVIDER_FRAMEWORK);
    }

    /**
     * @param type a resource type with a FunctionName property
     * @param needOnFailure count only resources with an on-failure destination
     * @return the logical ids of the functions those resources point at
     */
    private static Set<String> targets(TemplateContext ctx, String type, boolean needOnFailure) {
        Set<String> ids = new HashSet<>();
        for (Resource resource : ctx.resourcesOfType(type)) {
            JsonNode props = resource.properties();
            if (needOnFailure && !TemplateContext.present(
                    props.path("DestinationConfig").path("OnFailure").path("Destination"))) {
                continue;
            }
            JsonNode functionName = props.path("FunctionName");
            ctx.template().referencedResources(functionName).forEach(f -> ids.add(f.logicalId()));
            if (functionName.isTextual()) {
                ids.addAll(functionsNamed(ctx, functionName.asText()));
            }
        }
        return ids;
    }

    /** Functions a literal FunctionName (a name or an ARN ending in it) may refer to. */
    private static Set<String> functionsNamed(TemplateContext ctx, String nameOrArn) {
        Set<String> ids = new HashSet<>();
        for (Resource function : ctx.resourcesOfType(LAMBDA)) {
            JsonNode name = function.properties().path("FunctionName");
            if (name.isTextual() && (nameOrArn.equals(name.asText()) || nameOrArn.endsWith(":" + name.asText()))) {
                ids.add(function.logicalId());
            }
        }
        return ids;
    }
}
