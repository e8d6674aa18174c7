package dev.slk.kit;

import dev.slk.spi.EnvironmentVariables;
import dev.slk.spi.JsiiMaps;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.schedule.InvalidScheduleException;
import dev.slk.spi.schedule.ScheduleExpression;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A Java 21 ARM64 function as slk builds every function, its own and the modules': a role of its
 * own without managed policies, a log group with the project's retention encrypted with the
 * shared key, environment variables encrypted with the shared key and holding no secret value,
 * an encrypted dead-letter queue for failed asynchronous invocations, reserved concurrency, an
 * optional EventBridge schedule, and the one cdk-nag rule it does not meet, with the reason.
 *
 * <pre>{@code
 * ModuleFunction processor = ModuleFunction.builder(scope, resourceId("EventProcessor"))
 *         .handler("com.example.lambda.Handler::handleRequest")
 *         .code(zip)
 *         .logGroupName(defaults.moduleLogGroupName(ID, "event-processor"))
 *         .schedule("rate(5 minutes)")
 *         .environment(Map.of("CREDENTIALS_SECRET_NAME", secretName))
 *         .build(FunctionDefaults.of(core));
 * }</pre>
 *
 * <p>Construct ids, inside the given scope: the function {@code <id>}, its role
 * {@code <id>Role}, log group {@code <id>LogGroup}, dead-letter queue
 * {@code <id>DeadLetterQueue} and schedule {@code <id>Schedule}. The role may write its own log
 * group; every other permission is added by the caller (a module: its
 * {@code requiredPermissions}).
 */
public final class ModuleFunction {
    /** Why slk's functions run java21 rather than the newest Java runtime (cdk-nag rule AwsSolutions-L1). */
    public static final String JAVA_RUNTIME_REASON = "slk's functions are built and tested for the java21 runtime "
            + "(Powertools for AWS Lambda Java 2.9, the AWS SDK v2 and the Parquet writer are tested on it); moving "
            + "to a newer runtime is a deliberate, tested change of slk, not a per-deployment choice.";
    /** The variable that names the function in its log records; the function's own, never the config's. */
    public static final String SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";
    /** Failed asynchronous invocations stay this long in the dead-letter queue. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

    private final Function function;
    private final Role role;
    private final LogGroup logGroup;
    private final Queue deadLetterQueue;
    private final Rule schedule;

    private ModuleFunction(Function function, Role role, LogGroup logGroup, Queue deadLetterQueue, Rule schedule) {
        this.function = function;
        this.role = role;
        this.logGroup = logGroup;
        this.deadLetterQueue = deadLetterQueue;
        this.schedule = schedule;
    }

    /**
     * @param scope where the function and its resources are created
     * @param id the function's construct id; its resources' ids start with it
     * @return a builder
     */
    public static Builder builder(Construct scope, String id) {
        return new Builder(scope, id);
    }

    /** @return the function */
    public Function function() {
        return function;
    }

    /** @return its role, which has no managed policy */
    public Role role() {
        return role;
    }

    /** @return its log group; empty when the project lets Lambda create it */
    public Optional<LogGroup> logGroup() {
        return Optional.ofNullable(logGroup);
    }

    /** @return the dead-letter queue of its asynchronous invocations; empty when it has none */
    public Optional<Queue> deadLetterQueue() {
        return Optional.ofNullable(deadLetterQueue);
    }

    /** @return the rule that runs it on its schedule; empty when it has none */
    public Optional<Rule> schedule() {
        return Optional.ofNullable(schedule);
    }

    /**
     * Registers the function under {@code name} and its dead-letter queue under
     * {@code name + "DeadLetterQueue"}, where {@link StandardAlarms#of} finds them.
     *
     * @param resources what a module's createResources returns
     * @param name the name its statements target with {@code .on(name)}
     * @return the same builder
     */
    public ModuleResources.Builder addTo(ModuleResources.Builder resources, String name) {
        resources.function(name, function);
        deadLetterQueue().ifPresent(queue -> resources.resource(name + StandardAlarms.DEAD_LETTER_QUEUE, queue));
        return resources;
    }

    /**
     * @param created what createResources returned, with a function added by {@link #addTo}
     * @param name the name it was added under
     * @return that function's dead-letter queue
     * @throws IllegalArgumentException when it has none
     */
    public static IQueue deadLetterQueue(ModuleResources created, String name) {
        return created.resource(name + StandardAlarms.DEAD_LETTER_QUEUE, IQueue.class);
    }

    /** Describes one function; {@link #build} creates it. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private String handler;
        private Path code;
        private String functionName;
        private String description;
        private String logGroupName;
        private int memorySize = 512;
        private int timeoutSeconds = 60;
        private int reservedConcurrency = 1;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> userEnvironment = new LinkedHashMap<>();
        private String userEnvironmentKey = "environment";
        private boolean asyncDeadLetterQueue = true;
        private String deadLetterQueueName;
        private Integer retryAttempts;
        private String schedule;

        private Builder(Construct scope, String id) {
            this.scope = Objects.requireNonNull(scope, "scope");
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * @param handler {@code class::method}
         * @return this builder
         */
        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        /**
         * @param zip the function's deployment package: its jar and libraries in {@code lib/}
         * @return this builder
         */
        public Builder code(Path zip) {
            this.code = zip;
            return this;
        }

        /**
         * @param name the deployed name; without one CloudFormation generates it
         * @return this builder
         */
        public Builder functionName(String name) {
            this.functionName = name;
            return this;
        }

        /**
         * @param description the function's description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param name the log group's name, used when the project lets slk create log groups; by
         *     default {@code /aws/lambda/<functionName>}
         * @return this builder
         */
        public Builder logGroupName(String name) {
            this.logGroupName = name;
            return this;
        }

        /**
         * @param megabytes memory, 512 by default
         * @return this builder
         */
        public Builder memorySize(int megabytes) {
            this.memorySize = megabytes;
            return this;
        }

        /**
         * @param seconds timeout, 60 by default
         * @return this builder
         */
        public Builder timeoutSeconds(int seconds) {
            this.timeoutSeconds = seconds;
            return this;
        }

        /**
         * @param executions reserved concurrent executions, 1 by default
         * @return this builder
         */
        public Builder reservedConcurrency(int executions) {
            this.reservedConcurrency = executions;
            return this;
        }

        /**
         * The function's own variables; {@value #SERVICE_NAME} is the function's name unless set
         * here. Names only: a name Lambda reserves or that looks like it holds a secret is refused
         * ({@link EnvironmentVariables#problem}).
         *
         * @param variables name to value
         * @return this builder
         */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /**
         * Variables from the user's config. They may not redefine the function's own (with
         * {@value #SERVICE_NAME}), nor be reserved by Lambda, nor look like secrets; a refusal names
         * {@code configKey}.
         *
         * @param variables name to value
         * @param configKey where they come from, for messages
         * @return this builder
         */
        public Builder userEnvironment(Map<String, String> variables, String configKey) {
            userEnvironment.putAll(variables);
            userEnvironmentKey = configKey;
            return this;
        }

        /**
         * Functions fed by an event source mapping have no asynchronous invocations: their queue
         * redrives instead.
         *
         * @return this builder, for a function without an asynchronous-invocation dead-letter queue
         */
        public Builder withoutDeadLetterQueue() {
            this.asyncDeadLetterQueue = false;
            return this;
        }

        /**
         * @param name the dead-letter queue's name; without one CloudFormation generates it
         * @return this builder
         */
        public Builder deadLetterQueueName(String name) {
            this.deadLetterQueueName = name;
            return this;
        }

        /**
         * @param attempts retries of a failed asynchronous invocation (0 to 2) before it goes to the
         *     dead-letter queue; Lambda's default (2) when not set
         * @return this builder
         */
        public Builder retryAttempts(int attempts) {
            this.retryAttempts = attempts;
            return this;
        }

        /**
         * @param expression an EventBridge schedule, {@code rate(...)} or {@code cron(...)}, checked
         *     with slk's schedule parser
         * @return this builder
         */
        public Builder schedule(String expression) {
            this.schedule = expression;
            return this;
        }

        /**
         * Creates the function and its resources.
         *
         * @param defaults the project's settings for every function
         * @return the function
         * @throws IllegalArgumentException naming the problem when the description is incomplete,
         *     a variable is refused or the schedule does not parse
         */
        public ModuleFunction build(FunctionDefaults defaults) {
            require(handler, "handler");
            require(code, "code");
            Map<String, String> variables = variables();
            if (schedule != null) {
                try {
                    ScheduleExpression.parse(schedule);
                } catch (InvalidScheduleException e) {
                    throw new IllegalArgumentException(id + ": schedule " + schedule + ": " + e.getMessage(), e);
                }
            }
            String label = functionName != null ? functionName : id;
            Role role = Role.Builder.create(scope, id + "Role")
                    .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                    .description("Execution role of " + label + "; its statements are listed in the template, "
                            + "no managed policies")
                    .build();
            Function.Builder function = Function.Builder.create(scope, id)
                    .runtime(Runtime.JAVA_21)
                    .architecture(Architecture.ARM_64)
                    .handler(handler)
                    .code(Code.fromAsset(code.toString()))
                    .memorySize(memorySize)
                    .timeout(Duration.seconds(timeoutSeconds))
                    .reservedConcurrentExecutions(reservedConcurrency)
                    .role(role)
                    .environment(JsiiMaps.sorted(variables));
            Optional.ofNullable(functionName).ifPresent(function::functionName);
            Optional.ofNullable(description).ifPresent(function::description);
            defaults.key().ifPresent(function::environmentEncryption);
            Optional.ofNullable(retryAttempts).ifPresent(function::retryAttempts);
            Queue deadLetters = asyncDeadLetterQueue ? deadLetterQueue(defaults) : null;
            Optional.ofNullable(deadLetters).ifPresent(function::deadLetterQueue);
            LogGroup group = defaults.logGroups() ? logGroup(defaults, label) : null;
            Optional.ofNullable(group).ifPresent(function::logGroup);
            Function built = function.build();
            NagSuppressions.addResourceSuppressions(built, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-L1").reason(JAVA_RUNTIME_REASON).build()));
            grantLogs(role, group);
            Rule rule = schedule == null ? null : Rule.Builder.create(scope, id + "Schedule")
                    .description("Runs " + label)
                    .schedule(Schedule.expression(schedule))
                    .targets(List.of(new LambdaFunction(built)))
                    .build();
            return new ModuleFunction(built, role, group, deadLetters, rule);
        }

        private Map<String, String> variables() {
            Map<String, String> own = new LinkedHashMap<>(environment);
            own.putIfAbsent(SERVICE_NAME, functionName != null ? functionName : id);
            Map<String, String> variables = new LinkedHashMap<>();
            userEnvironment.forEach((name, value) -> {
                if (own.containsKey(name)) {
                    throw new IllegalArgumentException(userEnvironmentKey + "." + name
                            + " is set by slk; remove it from the config");
                }
                EnvironmentVariables.problem(name).ifPresent(problem -> {
                    throw new IllegalArgumentException(userEnvironmentKey + "." + name + ": " + problem);
                });
                variables.put(name, value);
            });
            own.forEach((name, value) -> {
                EnvironmentVariables.problem(name).ifPresent(problem -> {
                    throw new IllegalArgumentException(id + ": " + problem);
                });
                variables.put(name, value);
            });
            variables.putIfAbsent("POWERTOOLS_LOG_LEVEL", "INFO");
            return variables;
        }

        private Queue deadLetterQueue(FunctionDefaults defaults) {
            Queue.Builder queue = Queue.Builder.create(scope, id + "DeadLetterQueue")
                    .retentionPeriod(DEAD_LETTER_RETENTION)
                    .enforceSsl(true);
            Optional.ofNullable(deadLetterQueueName).ifPresent(queue::queueName);
            defaults.key().ifPresentOrElse(key -> queue.encryption(QueueEncryption.KMS).encryptionMasterKey(key),
                    () -> queue.encryption(QueueEncryption.SQS_MANAGED));
            return queue.build();
        }

        private LogGroup logGroup(FunctionDefaults defaults, String label) {
            String name = logGroupName != null ? logGroupName : "/aws/lambda/" + label;
            LogGroup.Builder group = LogGroup.Builder.create(scope, id + "LogGroup")
                    .logGroupName(name)
                    .removalPolicy(defaults.retain() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
            defaults.key().ifPresent(group::encryptionKey);
            LogGroup built = group.build();
            // Any retention CloudWatch Logs accepts, as configured (CDK's enum names only some).
            ((CfnLogGroup) built.getNode().getDefaultChild()).setRetentionInDays(defaults.logRetentionDays());
            return built;
        }

        private void grantLogs(Role role, LogGroup group) {
            if (group != null) {
                group.grantWrite(role);
                return;
            }
            // Without a log group of slk's, Lambda creates /aws/lambda/<name> on first use.
            String name = functionName != null ? functionName : "*";
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"))
                    .resources(List.of(Stack.of(scope).formatArn(ArnComponents.builder().service("logs")
                            .resource("log-group").resourceName("/aws/lambda/" + name + ":*")
                            .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())))
                    .build());
            NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("Without a log group of slk's, Lambda creates /aws/lambda/<function> on first use and "
                            + "its streams at run time with generated names; the wildcard is confined to them.")
                    .appliesTo(List.of(RegexAppliesTo.builder()
                            .regex("/^Resource::arn:.*:log-group:/aws/lambda/.*:\\*$/").build()))
                    .build()), true);
        }

        private void require(Object value, String what) {
            if (value == null) {
                throw new IllegalArgumentException(id + ": no " + what + " given");
            }
        }
    }
}
