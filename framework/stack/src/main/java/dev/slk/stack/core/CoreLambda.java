package dev.slk.stack.core;

import dev.slk.core.config.CoreFunctionVariables;
import dev.slk.core.config.ProjectConfig;
import dev.slk.spi.JsiiMaps;
import dev.slk.stack.assets.CoreFunction;
import dev.slk.stack.assets.LambdaArtifacts;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One of slk's own Java 21 ARM64 functions, with its own role, its own log group (retention
 * from config, encrypted with the shared key when there is one) and reserved concurrency.
 */
final class CoreLambda {
    private final Function function;
    private final Role role;

    private CoreLambda(Function function, Role role) {
        this.function = function;
        this.role = role;
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
     * @param asyncDeadLetterQueue where failed asynchronous invocations go; null for functions fed
     *     by an event source mapping, whose queue redrives instead
     */
    record Spec(String id, CoreFunction kind, String name, String nameKey, int memorySize, int timeoutSeconds,
            int reservedConcurrency, Map<String, String> environment, Map<String, String> userEnvironment,
            String environmentKey, IQueue asyncDeadLetterQueue) {
    }

    static CoreLambda create(Construct scope, Spec spec, LambdaArtifacts artifacts, ProjectConfig config,
            ResourceNames names, Optional<IKey> key) {
        Role role = Role.Builder.create(scope, spec.id() + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Execution role of " + spec.name() + "; its statements are listed in the template, "
                        + "no managed policies")
                .build();

        Map<String, String> environment = new LinkedHashMap<>(spec.userEnvironment());
        Map<String, String> owned = new LinkedHashMap<>(spec.environment());
        owned.put(CoreFunctionVariables.POWERTOOLS_SERVICE_NAME, spec.name());
        for (Map.Entry<String, String> own : owned.entrySet()) {
            if (environment.containsKey(own.getKey())) {
                throw new StackConfigurationException(spec.environmentKey() + "." + own.getKey()
                        + " is set by slk for the " + spec.kind().label() + "; remove it from the config");
            }
            environment.put(own.getKey(), own.getValue());
        }
        environment.putIfAbsent("POWERTOOLS_LOG_LEVEL", "INFO");

        Function.Builder builder = Function.Builder.create(scope, spec.id())
                .functionName(spec.name())
                .description("slk " + spec.kind().label())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(spec.kind().handler())
                .code(Code.fromAsset(artifacts.zip(spec.kind()).toString()))
                .memorySize(spec.memorySize())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                .reservedConcurrentExecutions(spec.reservedConcurrency())
                .role(role)
                .environment(JsiiMaps.sorted(environment));
        key.ifPresent(builder::environmentEncryption);
        if (spec.asyncDeadLetterQueue() != null) {
            builder.deadLetterQueue(spec.asyncDeadLetterQueue());
        }

        ProjectConfig.CloudWatchLogs logs = config.monitoring().cloudWatchLogs();
        LogGroup group = null;
        if (config.monitoring().enabled() && logs.enabled()) {
            LogGroup.Builder logGroup = LogGroup.Builder.create(scope, spec.id() + "LogGroup")
                    .logGroupName(names.functionLogGroup(spec.name(), spec.nameKey()))
                    .removalPolicy(config.isProduction() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
            key.ifPresent(logGroup::encryptionKey);
            group = logGroup.build();
            // The schema admits only the values CloudWatch Logs accepts, so the days go in as they are.
            ((CfnLogGroup) group.getNode().getDefaultChild()).setRetentionInDays(logs.retentionDays());
            builder.logGroup(group);
        }
        Function function = builder.build();
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("slk's functions are built and tested for the java21 runtime (Powertools for AWS Lambda "
                        + "Java 2.9, the AWS SDK v2 and the Parquet writer are tested on it); moving to a newer "
                        + "runtime is a deliberate, tested change of slk, not a per-deployment choice.")
                .build()));
        if (group != null) {
            group.grantWrite(role);
        } else {
            // Without a log group of slk's, Lambda creates /aws/lambda/<name> on first use.
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"))
                    .resources(List.of(Stack.of(scope).formatArn(
                            ArnComponents.builder().service("logs").resource("log-group")
                                    .resourceName("/aws/lambda/" + spec.name() + ":*")
                                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())))
                    .build());
        }
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Log streams are created at run time with generated names; the wildcard is confined to "
                        + "the streams of this function's own log group.")
                .appliesTo(List.of(RegexAppliesTo.builder()
                        .regex("/^Resource::(<.*LogGroup.*\\.Arn>|arn:.*:log-group:/aws/lambda/.*):\\*$/").build()))
                .build()), true);
        return new CoreLambda(function, role);
    }

    Function function() {
        return function;
    }

    Role role() {
        return role;
    }
}
