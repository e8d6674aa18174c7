package dev.slk.stack.core;

import dev.slk.core.config.ConfigKeys;
import dev.slk.core.config.ConfigKeys.Lambda;
import dev.slk.core.config.CoreFunctionVariables;
import dev.slk.core.config.ProjectConfig;
import dev.slk.spi.CoreResources;
import dev.slk.stack.assets.CoreFunction;
import dev.slk.stack.assets.LambdaArtifacts;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.constructs.Construct;

/**
 * The stack {@code <projectName>-<environment>}: shared key, event and ASFF queues, the core
 * functions, the Security Lake custom sources, monitoring, tags and outputs. Each part is
 * switched by its config key. Modules are added afterwards, under {@code modules/<id>}.
 */
public final class CoreStack extends Stack {
    private final ProjectConfig config;
    private final ResourceNames names;
    private final Optional<IKey> key;
    private final EventQueues events;
    private final Monitoring monitoring;
    private CoreLambda transformer;

    /**
     * @param scope the app
     * @param config the validated project configuration
     * @param artifacts where slk's Lambda deployment artifacts are
     */
    public CoreStack(Construct scope, ProjectConfig config, LambdaArtifacts artifacts) {
        super(scope, new ResourceNames(config).stack(), props(config));
        this.config = config;
        this.names = new ResourceNames(config);
        this.key = SharedKey.create(this, config).map(k -> (IKey) k);

        config.resourceTags().forEach((tagKey, value) -> Tags.of(this).add(tagKey, value));

        ProjectConfig.SqsQueue sqs = config.sqsQueue();
        this.events = sqs.enabled()
                ? EventQueues.create(this, "Event", names,
                        new ConfiguredName(sqs.queueName(), ConfigKeys.dotted(ConfigKeys.SQS_QUEUE_NAME)),
                        new ConfiguredName(sqs.deadLetterQueue().queueName(),
                                ConfigKeys.dotted(ConfigKeys.DEAD_LETTER_QUEUE_NAME)),
                        sqs, sqs.encryption().useSharedKey() ? key : Optional.empty())
                : null;
        this.monitoring = config.monitoring().enabled() && config.monitoring().alarms().enabled()
                ? new Monitoring(this, config, names, key)
                : null;

        EventQueues asff = securityHubEnabled()
                ? EventQueues.create(this, "Asff", names, new ConfiguredName("asff-queue", ConfigKeys.dotted(ConfigKeys.SECURITY_HUB)),
                        new ConfiguredName("asff-dlq", ConfigKeys.dotted(ConfigKeys.SECURITY_HUB)), sqs,
                        config.securityHub().encryption().useSharedKey() ? key : Optional.empty())
                : null;

        CustomLogSources sources = config.securityLake().enabled()
                ? new CustomLogSources(this, config, names, artifacts, key)
                : null;
        if (monitoring != null && sources != null) {
            monitoring.deadLetterQueueDepth("CustomSourcesDlqDepthAlarm", "custom-sources-dlq-depth",
                    sources.deadLetterQueue(), "the custom log source provider (failed CloudFormation requests)");
        }

        if (events != null && sources != null && config.coreProcessing().eventTransformer().enabled()) {
            eventTransformer(artifacts, sources, asff);
        }
        if (asff != null && config.coreProcessing().securityHubProcessor().enabled()) {
            securityHubProcessor(artifacts, asff);
        }
        if (monitoring != null && events != null) {
            events.deadLetterQueue().ifPresent(dlq ->
                    monitoring.deadLetterQueueDepth("EventDlqDepthAlarm", "event-dlq-depth", dlq, "the event queue"));
            monitoring.oldestMessageAge("EventQueueAgeAlarm", "event-queue-oldest-message-age", events.queue(),
                    "the event queue");
        }
        if (monitoring != null && asff != null) {
            asff.deadLetterQueue().ifPresent(dlq ->
                    monitoring.deadLetterQueueDepth("AsffDlqDepthAlarm", "asff-dlq-depth", dlq, "the ASFF queue"));
        }

        if (events != null) {
            output("EventQueueUrl", events.queue().getQueueUrl(), "URL of the queue modules send events to");
            output("EventQueueArn", events.queue().getQueueArn(), "ARN of the queue modules send events to");
        }
        key.ifPresent(k -> output("SharedKeyArn", k.getKeyArn(), "ARN of the shared KMS key"));
        if (monitoring != null) {
            output("AlarmTopicArn", monitoring.topic().getTopicArn(), "ARN of the topic alarms notify");
        }
    }

    private static StackProps props(ProjectConfig config) {
        Environment.Builder environment = Environment.builder().region(config.awsRegion());
        if (config.accountId() != null && !config.accountId().isEmpty()) {
            environment.account(config.accountId());
        }
        return StackProps.builder()
                .env(environment.build())
                .description("Security Lake integration " + config.projectName() + " (" + config.environment()
                        + "), deployment " + config.deploymentVersion() + ", built by slk")
                .terminationProtection(config.isProduction())
                .analyticsReporting(false)
                .build();
    }

    private boolean securityHubEnabled() {
        return config.securityHub().enabled() && events != null;
    }

    private void eventTransformer(LambdaArtifacts artifacts, CustomLogSources sources, EventQueues asff) {
        ProjectConfig.LambdaFunction settings = config.coreProcessing().eventTransformer();
        String nameKey = ConfigKeys.dotted(ConfigKeys.child(ConfigKeys.EVENT_TRANSFORMER, Lambda.FUNCTION_NAME));
        String name = names.function(settings.functionName(), nameKey);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(CoreFunctionVariables.SECURITY_LAKE_BUCKET, config.securityLake().s3Bucket());
        environment.put(CoreFunctionVariables.SECURITY_LAKE_SOURCES, toJsonString(sources.transformerSources()));
        if (asff != null) {
            environment.put(CoreFunctionVariables.ASFF_QUEUE_URL, asff.queue().getQueueUrl());
        }
        this.transformer = CoreLambda.create(this, new CoreLambda.Spec("EventTransformer",
                CoreFunction.EVENT_TRANSFORMER, name, nameKey,
                settings.memorySize(), settings.timeout(), settings.reservedConcurrentExecutions(), environment,
                settings.environment(), ConfigKeys.dotted(ConfigKeys.child(ConfigKeys.EVENT_TRANSFORMER,
                        Lambda.ENVIRONMENT)), null), artifacts, config, names, key);
        transformer.function().addEventSource(SqsEventSource.Builder.create(events.queue())
                .batchSize(settings.batchSize())
                .maxBatchingWindow(Duration.seconds(settings.maximumBatchingWindowInSeconds()))
                .reportBatchItemFailures(true)
                .build());
        String objects = "arn:" + Aws.PARTITION + ":s3:::" + config.securityLake().s3Bucket() + "/ext/*";
        // Delete: a batch whose later write fails takes its rows back out of objects it wrote.
        transformer.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("WriteCustomSourceObjects")
                .actions(List.of("s3:PutObject", "s3:DeleteObject"))
                .resources(List.of(objects))
                .build());
        if (asff != null) {
            asff.queue().grantSendMessages(transformer.role());
        }
        NagSuppressions.addResourceSuppressions(transformer.role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The transformer writes one object per source, class and partition under the custom "
                        + "sources' ext/ prefix, with names made at run time; the shared key's data-key actions "
                        + "are KMS's own wildcards (GenerateDataKey*, ReEncrypt*) granted by the queue and "
                        + "topic grants.")
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::arn:.*/ext/\\*$/").build(),
                        RegexAppliesTo.builder().regex("/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/")
                                .build()))
                .build()), true);
        if (monitoring != null) {
            monitoring.errorRate("EventTransformerErrorAlarm", "event-transformer-error-rate", transformer.function(),
                    name);
        }
    }

    private void securityHubProcessor(LambdaArtifacts artifacts, EventQueues asff) {
        ProjectConfig.LambdaFunction settings = config.coreProcessing().securityHubProcessor();
        String nameKey = ConfigKeys.dotted(ConfigKeys.child(ConfigKeys.SECURITY_HUB_PROCESSOR, Lambda.FUNCTION_NAME));
        String name = names.function(settings.functionName(), nameKey);
        CoreLambda processor = CoreLambda.create(this, new CoreLambda.Spec("SecurityHubProcessor",
                CoreFunction.SECURITY_HUB_PROCESSOR, name, nameKey,
                settings.memorySize(), settings.timeout(), settings.reservedConcurrentExecutions(), Map.of(),
                settings.environment(), ConfigKeys.dotted(ConfigKeys.child(ConfigKeys.SECURITY_HUB_PROCESSOR,
                        Lambda.ENVIRONMENT)), null),
                artifacts, config, names, key);
        processor.function().addEventSource(SqsEventSource.Builder.create(asff.queue())
                .batchSize(settings.batchSize())
                .maxBatchingWindow(Duration.seconds(settings.maximumBatchingWindowInSeconds()))
                .reportBatchItemFailures(true)
                .build());
        processor.role().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("ImportFindings")
                .actions(List.of("securityhub:BatchImportFindings"))
                .resources(List.of("arn:" + Aws.PARTITION + ":securityhub:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                        + ":product/" + Aws.ACCOUNT_ID + "/default"))
                .build());
        if (monitoring != null) {
            monitoring.errorRate("SecurityHubProcessorErrorAlarm", "securityhub-processor-error-rate",
                    processor.function(), name);
        }
    }

    /**
     * Ships the modules' event mappings to the event transformer as a layer, mounted at
     * {@code /opt/slk/mappings}. Does nothing when the transformer is not deployed.
     *
     * @param directory the layer's content, laid out {@code slk/mappings/<moduleId>/<file>}
     */
    public void addEventMappings(Path directory) {
        if (transformer == null) {
            return;
        }
        LayerVersion layer = LayerVersion.Builder.create(this, "EventMappingsLayer")
                .description("Event mappings of the enabled modules, for the event transformer")
                .code(Code.fromAsset(directory.toString()))
                .compatibleRuntimes(List.of(Runtime.JAVA_21))
                .compatibleArchitectures(List.of(Architecture.ARM_64))
                .build();
        transformer.function().addLayers(layer);
        transformer.function().addEnvironment("SLK_MAPPINGS_DIR", "/opt/slk/mappings");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, ResourceNames.outputId(id, id)).value(value).description(description).build();
    }

    /**
     * The shared resources modules build on.
     *
     * @return the core resources
     * @throws StackConfigurationException when the event queue is switched off
     */
    public CoreResources coreResources() {
        if (events == null) {
            throw new StackConfigurationException("integrations are enabled but sqsQueue.enabled is false: "
                    + "modules send their events to the event queue");
        }
        return new CoreResources(events.queue(), events.deadLetterQueue().orElse(null), key.orElse(null),
                config.securityLake().s3Bucket() == null ? "" : config.securityLake().s3Bucket(), config.moduleView());
    }

    /** @return the monitoring construct, when alarms are enabled */
    public Optional<Monitoring> monitoring() {
        return Optional.ofNullable(monitoring);
    }

    /** @return resource names of this project and environment */
    public ResourceNames names() {
        return names;
    }

    /** @return the project configuration */
    public ProjectConfig config() {
        return config;
    }
}
