package dev.slk.stack.core;

import dev.slk.core.config.CoreFunctionVariables;
import dev.slk.core.config.ProjectConfig;
import dev.slk.kit.FunctionDefaults;
import dev.slk.kit.ModuleFunction;
import dev.slk.stack.assets.CoreFunction;
import dev.slk.stack.assets.LambdaArtifacts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * One of slk's own functions, built by the module kit exactly as module functions are (role, log
 * group, environment, encryption, dead-letter queue); this class adds only what the core knows:
 * names, config keys and the artifact.
 */
final class CoreLambda {
    private final ModuleFunction built;

    private CoreLambda(ModuleFunction built) {
        this.built = built;
    }

    /**
     * What a core function is made of.
     *
     * @param id construct id
     * @param kind which function
     * @param name deployed name, already qualified and checked
     * @param nameKey config key of the name
     * @param memorySize MB
     * @param timeoutSeconds seconds
     * @param reservedConcurrency reserved concurrent executions
     * @param environment slk's own variables
     * @param userEnvironment variables from the config, which may not redefine slk's
     * @param environmentKey config key of the user's variables
     * @param deadLetterQueueName name of the queue for failed asynchronous invocations; null for
     *     functions fed by an event source mapping, whose queue redrives instead
     */
    record Spec(String id, CoreFunction kind, String name, String nameKey, int memorySize, int timeoutSeconds,
            int reservedConcurrency, Map<String, String> environment, Map<String, String> userEnvironment,
            String environmentKey, String deadLetterQueueName) {
    }

    static CoreLambda create(Construct scope, Spec spec, LambdaArtifacts artifacts, ProjectConfig config,
            ResourceNames names, Optional<IKey> key) {
        ModuleFunction.Builder builder = ModuleFunction.builder(scope, spec.id())
                .functionName(spec.name())
                .description("slk " + spec.kind().label())
                .handler(spec.kind().handler())
                .code(artifacts.zip(spec.kind()))
                .logGroupName(names.functionLogGroup(spec.name(), spec.nameKey()))
                .memorySize(spec.memorySize())
                .timeoutSeconds(spec.timeoutSeconds())
                .reservedConcurrency(spec.reservedConcurrency())
                .environment(own(spec))
                .userEnvironment(spec.userEnvironment(), spec.environmentKey());
        if (spec.deadLetterQueueName() == null) {
            builder.withoutDeadLetterQueue();
        } else {
            builder.deadLetterQueueName(spec.deadLetterQueueName());
        }
        ModuleFunction built;
        try {
            built = builder.build(defaults(config, key));
        } catch (IllegalArgumentException e) {
            throw new StackConfigurationException(e.getMessage());
        }
        return new CoreLambda(built);
    }

    private static Map<String, String> own(Spec spec) {
        Map<String, String> own = new LinkedHashMap<>(spec.environment());
        own.put(CoreFunctionVariables.POWERTOOLS_SERVICE_NAME, spec.name());
        return own;
    }

    /** What the project decides for every function, read from the config as modules read it from CoreResources. */
    static FunctionDefaults defaults(ProjectConfig config, Optional<IKey> key) {
        ProjectConfig.Monitoring monitoring = config.monitoring();
        return new FunctionDefaults(key.orElse(null), monitoring.enabled() && monitoring.cloudWatchLogs().enabled(),
                monitoring.cloudWatchLogs().retentionDays(), config.isProduction(),
                FunctionDefaults.prefix(config.projectName(), config.environment()));
    }

    Function function() {
        return built.function();
    }

    Role role() {
        return built.role();
    }

    Optional<Queue> deadLetterQueue() {
        return built.deadLetterQueue();
    }
}
