package dev.slk.core.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project configuration ({@code config.yaml}) after validation, with every default filled in
 * and the environment's override block applied. Immutable. Key names and shapes are those of the
 * YAML file; {@code docs/CONFIG_SCHEMA.md} documents each key, its type and default.
 *
 * @param projectName lower-case project name, used in resource names
 * @param environment {@code dev}, {@code staging} or {@code prod}
 * @param awsRegion the AWS region the stack deploys to
 * @param accountId 12-digit account id, or empty to use the deploying credentials' account
 * @param tagSource value of the {@code Source} tag
 * @param tagProduct value of the {@code Product} tag
 * @param tagKitVersion value of the {@code KitVersion} tag
 * @param tags extra tags for every resource
 * @param encryption the shared KMS key
 * @param securityLake the Security Lake custom sources
 * @param coreProcessing the core Lambda functions
 * @param sqsQueue the event queue and its dead-letter queue
 * @param cloudTrailEventDataStore the optional CloudTrail Lake event data store
 * @param securityHub the optional Security Hub integration
 * @param monitoring log retention, alarms and their topic
 * @param integrations module id to integration settings, in file order
 * @param deploymentVersion an opaque version stamp of the deployment
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectConfig(
        String projectName,
        String environment,
        String awsRegion,
        String accountId,
        String tagSource,
        String tagProduct,
        String tagKitVersion,
        List<Tag> tags,
        Encryption encryption,
        SecurityLake securityLake,
        CoreProcessing coreProcessing,
        SqsQueue sqsQueue,
        CloudTrailEventDataStore cloudTrailEventDataStore,
        SecurityHub securityHub,
        Monitoring monitoring,
        Map<String, Integration> integrations,
        String deploymentVersion) {

    /**
     * Copies collections so the configuration cannot change.
     *
     * @param projectName lower-case project name, used in resource names
     * @param environment {@code dev}, {@code staging} or {@code prod}
     * @param awsRegion the AWS region the stack deploys to
     * @param accountId 12-digit account id, or empty to use the deploying credentials' account
     * @param tagSource value of the {@code Source} tag
     * @param tagProduct value of the {@code Product} tag
     * @param tagKitVersion value of the {@code KitVersion} tag
     * @param tags extra tags for every resource
     * @param encryption the shared KMS key
     * @param securityLake the Security Lake custom sources
     * @param coreProcessing the core Lambda functions
     * @param sqsQueue the event queue and its dead-letter queue
     * @param cloudTrailEventDataStore the optional CloudTrail Lake event data store
     * @param securityHub the optional Security Hub integration
     * @param monitoring log retention, alarms and their topic
     * @param integrations module id to integration settings, in file order
     * @param deploymentVersion an opaque version stamp of the deployment
     */
    public ProjectConfig {
        tags = tags == null ? List.of() : List.copyOf(tags);
        integrations = integrations == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(integrations));
    }

    /** @return true for the {@code prod} environment */
    public boolean isProduction() {
        return "prod".equals(environment);
    }

    /**
     * The tags slk puts on every resource: {@code Source}, {@code Product}, {@code KitVersion},
     * {@code Environment}, then the extra tags; a tag with an empty value is left out.
     *
     * @return tag key to value, in the order they are applied
     */
    public Map<String, String> resourceTags() {
        Map<String, String> applied = new LinkedHashMap<>();
        putTag(applied, "Source", tagSource);
        putTag(applied, "Product", tagProduct);
        putTag(applied, "KitVersion", tagKitVersion);
        putTag(applied, "Environment", environment);
        tags.forEach(t -> putTag(applied, t.key(), t.value()));
        return java.util.Collections.unmodifiableMap(applied);
    }

    private static void putTag(Map<String, String> tags, String key, String value) {
        if (value != null && !value.isEmpty()) {
            tags.put(key, value);
        }
    }

    /** @return the narrow, read-only view modules get through {@code CoreResources.project()} */
    public Project moduleView() {
        Optional<String> account = accountId == null || accountId.isEmpty() ? Optional.empty() : Optional.of(accountId);
        return new Project(projectName, environment, awsRegion, account, resourceTags(),
                monitoring.cloudWatchLogs().retentionDays());
    }

    /** @return the ids of the enabled integrations, in file order */
    public List<String> enabledIntegrations() {
        return integrations.entrySet().stream()
                .filter(e -> e.getValue().enabled())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * @param key tag key
     * @param value tag value
     */
    public record Tag(String key, String value) {
    }

    /**
     * @param enabled whether resources are encrypted with a key slk manages
     * @param keyType {@code AWS_OWNED_CMK} or {@code CUSTOMER_MANAGED_CMK}
     * @param keyAlias alias of the customer-managed key (without {@code alias/})
     * @param keyDescription description of the key
     * @param keyRotationEnabled whether yearly rotation is on
     * @param keyPendingWindowInDays days before a deleted key is destroyed (7-30)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Encryption(
            boolean enabled,
            String keyType,
            String keyAlias,
            String keyDescription,
            boolean keyRotationEnabled,
            int keyPendingWindowInDays) {

        /** @return true when a shared customer-managed key is created */
        public boolean customerManagedKey() {
            return enabled && "CUSTOMER_MANAGED_CMK".equals(keyType);
        }
    }

    /**
     * @param enabled whether custom log sources are registered with Security Lake
     * @param s3Bucket the Security Lake bucket
     * @param externalId external id for the custom source's provider role (a secret)
     * @param serviceRole the Glue crawler role Security Lake uses
     * @param ocsfEventClasses the custom sources
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SecurityLake(
            boolean enabled,
            String s3Bucket,
            String externalId,
            String serviceRole,
            @JsonProperty("OCSFEventClass") List<CustomSource> ocsfEventClasses) {

        /**
         * Copies the list.
         *
         * @param enabled whether custom log sources are registered with Security Lake
         * @param s3Bucket the Security Lake bucket
         * @param externalId external id for the custom source's provider role (a secret)
         * @param serviceRole the Glue crawler role Security Lake uses
         * @param ocsfEventClasses the custom sources
         */
        public SecurityLake {
            ocsfEventClasses = ocsfEventClasses == null ? List.of() : List.copyOf(ocsfEventClasses);
        }

        /** Never prints the external id. */
        @Override
        public String toString() {
            return "SecurityLake[enabled=" + enabled + ", s3Bucket=" + s3Bucket + ", externalId=<redacted>"
                    + ", serviceRole=" + serviceRole + ", ocsfEventClasses=" + ocsfEventClasses + "]";
        }
    }

    /**
     * @param sourceName custom source name
     * @param sourceVersion custom source version
     * @param eventClasses OCSF event class names, for example {@code SECURITY_FINDING}
     */
    public record CustomSource(String sourceName, String sourceVersion, List<String> eventClasses) {
        /**
         * Copies the list.
         *
         * @param sourceName custom source name
         * @param sourceVersion custom source version
         * @param eventClasses OCSF event class names, for example {@code SECURITY_FINDING}
         */
        public CustomSource {
            eventClasses = eventClasses == null ? List.of() : List.copyOf(eventClasses);
        }
    }

    /**
     * @param eventTransformer the function that turns queued events into OCSF records
     * @param securityHubProcessor the function that imports ASFF findings into Security Hub
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoreProcessing(EventTransformer eventTransformer, SecurityHubProcessor securityHubProcessor) {
    }

    /** Settings of a core Lambda function consuming a queue; each function's block has them. */
    public sealed interface LambdaFunction permits EventTransformer, SecurityHubProcessor {
        /** @return whether the function is deployed */
        boolean enabled();

        /** @return function name suffix */
        String functionName();

        /** @return memory in MB (128-10240) */
        int memorySize();

        /** @return timeout in seconds (1-900) */
        int timeout();

        /** @return reserved concurrency */
        int reservedConcurrentExecutions();

        /** @return SQS batch size */
        int batchSize();

        /** @return SQS batching window in seconds */
        int maximumBatchingWindowInSeconds();

        /** @return extra environment variables */
        Map<String, String> environment();
    }

    /**
     * @param enabled whether the function is deployed
     * @param functionName function name suffix
     * @param memorySize memory in MB (128-10240)
     * @param timeout timeout in seconds (1-900)
     * @param reservedConcurrentExecutions reserved concurrency
     * @param batchSize SQS batch size
     * @param maximumBatchingWindowInSeconds SQS batching window
     * @param eventDataStoreEnabled whether events also go to the CloudTrail event data store
     * @param environment extra environment variables
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EventTransformer(
            boolean enabled,
            String functionName,
            int memorySize,
            int timeout,
            int reservedConcurrentExecutions,
            int batchSize,
            int maximumBatchingWindowInSeconds,
            boolean eventDataStoreEnabled,
            Map<String, String> environment) implements LambdaFunction {

        /**
         * Copies the map.
         *
         * @param enabled whether the function is deployed
         * @param functionName function name suffix
         * @param memorySize memory in MB (128-10240)
         * @param timeout timeout in seconds (1-900)
         * @param reservedConcurrentExecutions reserved concurrency
         * @param batchSize SQS batch size
         * @param maximumBatchingWindowInSeconds SQS batching window
         * @param eventDataStoreEnabled whether events also go to the CloudTrail event data store
         * @param environment extra environment variables
         */
        public EventTransformer {
            environment = environment == null ? Map.of() : Map.copyOf(environment);
        }
    }

    /**
     * @param enabled whether the function is deployed
     * @param functionName function name suffix
     * @param memorySize memory in MB (128-10240)
     * @param timeout timeout in seconds (1-900)
     * @param reservedConcurrentExecutions reserved concurrency
     * @param batchSize SQS batch size
     * @param maximumBatchingWindowInSeconds SQS batching window
     * @param environment extra environment variables
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SecurityHubProcessor(
            boolean enabled,
            String functionName,
            int memorySize,
            int timeout,
            int reservedConcurrentExecutions,
            int batchSize,
            int maximumBatchingWindowInSeconds,
            Map<String, String> environment) implements LambdaFunction {

        /**
         * Copies the map.
         *
         * @param enabled whether the function is deployed
         * @param functionName function name suffix
         * @param memorySize memory in MB (128-10240)
         * @param timeout timeout in seconds (1-900)
         * @param reservedConcurrentExecutions reserved concurrency
         * @param batchSize SQS batch size
         * @param maximumBatchingWindowInSeconds SQS batching window
         * @param environment extra environment variables
         */
        public SecurityHubProcessor {
            environment = environment == null ? Map.of() : Map.copyOf(environment);
        }
    }

    /**
     * @param enabled whether the event queue is created
     * @param queueName queue name suffix
     * @param visibilityTimeout seconds
     * @param messageRetentionPeriod seconds
     * @param maxMessageSize bytes
     * @param receiveMessageWaitTime long-poll seconds
     * @param encryption whether the shared key encrypts the queue
     * @param deadLetterQueue the dead-letter queue
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SqsQueue(
            boolean enabled,
            String queueName,
            int visibilityTimeout,
            int messageRetentionPeriod,
            int maxMessageSize,
            int receiveMessageWaitTime,
            SharedKeyUse encryption,
            DeadLetterQueue deadLetterQueue) {
    }

    /** @param useSharedKey whether the shared customer-managed key encrypts the resource */
    public record SharedKeyUse(boolean useSharedKey) {
    }

    /**
     * @param enabled whether failed messages are moved to a dead-letter queue
     * @param queueName queue name suffix
     * @param maxReceiveCount receives before a message is moved
     * @param messageRetentionPeriod seconds
     */
    public record DeadLetterQueue(boolean enabled, String queueName, int maxReceiveCount, int messageRetentionPeriod) {
    }

    /**
     * @param enabled whether the event data store is created
     * @param name data store name
     * @param retentionPeriod days
     * @param eventCategories {@code Data} and/or {@code Management}
     * @param terminationProtectionEnabled whether deletion is blocked
     * @param encryption whether the shared key encrypts the store
     */
    public record CloudTrailEventDataStore(
            boolean enabled,
            String name,
            int retentionPeriod,
            List<String> eventCategories,
            boolean terminationProtectionEnabled,
            SharedKeyUse encryption) {
        /**
         * Copies the list.
         *
         * @param enabled whether the event data store is created
         * @param name data store name
         * @param retentionPeriod days
         * @param eventCategories {@code Data} and/or {@code Management}
         * @param terminationProtectionEnabled whether deletion is blocked
         * @param encryption whether the shared key encrypts the store
         */
        public CloudTrailEventDataStore {
            eventCategories = eventCategories == null ? List.of() : List.copyOf(eventCategories);
        }
    }

    /**
     * @param enabled whether findings are also imported into Security Hub
     * @param encryption whether the shared key encrypts the ASFF queue
     */
    public record SecurityHub(boolean enabled, SharedKeyUse encryption) {
    }

    /**
     * @param enabled whether monitoring resources are created
     * @param cloudWatchLogs log groups
     * @param alarms alarms and their topic
     */
    public record Monitoring(boolean enabled, CloudWatchLogs cloudWatchLogs, Alarms alarms) {
    }

    /**
     * @param enabled whether slk creates the functions' log groups
     * @param retentionDays log retention in days
     */
    public record CloudWatchLogs(boolean enabled, int retentionDays) {
    }

    /**
     * @param enabled whether alarms are created
     * @param snsTopicName name of the notification topic
     * @param emailEndpoints addresses subscribed to the topic
     * @param dlqAlarm dead-letter queue depth alarm
     * @param lambdaErrorAlarm function error-rate alarm
     * @param sqsAgeAlarm oldest-message-age alarm
     */
    public record Alarms(
            boolean enabled,
            String snsTopicName,
            List<String> emailEndpoints,
            ThresholdAlarm dlqAlarm,
            ErrorRateAlarm lambdaErrorAlarm,
            AgeAlarm sqsAgeAlarm) {
        /**
         * Copies the list.
         *
         * @param enabled whether alarms are created
         * @param snsTopicName name of the notification topic
         * @param emailEndpoints addresses subscribed to the topic
         * @param dlqAlarm dead-letter queue depth alarm
         * @param lambdaErrorAlarm function error-rate alarm
         * @param sqsAgeAlarm oldest-message-age alarm
         */
        public Alarms {
            emailEndpoints = emailEndpoints == null ? List.of() : List.copyOf(emailEndpoints);
        }
    }

    /**
     * @param enabled whether the alarm is created
     * @param threshold messages
     * @param evaluationPeriods periods evaluated
     * @param datapointsToAlarm breaching periods that fire it
     * @param period seconds
     */
    public record ThresholdAlarm(boolean enabled, double threshold, int evaluationPeriods, int datapointsToAlarm, int period) {
    }

    /**
     * @param enabled whether the alarm is created
     * @param errorRateThreshold errors / invocations, 0 to 1
     * @param evaluationPeriods periods evaluated
     * @param datapointsToAlarm breaching periods that fire it
     * @param period seconds
     */
    public record ErrorRateAlarm(
            boolean enabled, double errorRateThreshold, int evaluationPeriods, int datapointsToAlarm, int period) {
    }

    /**
     * @param enabled whether the alarm is created
     * @param ageThreshold seconds
     * @param evaluationPeriods periods evaluated
     * @param datapointsToAlarm breaching periods that fire it
     * @param period seconds
     */
    public record AgeAlarm(boolean enabled, int ageThreshold, int evaluationPeriods, int datapointsToAlarm, int period) {
    }

    /**
     * @param enabled whether the module is deployed
     * @param config the module's own configuration, as validated against its schema
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Integration(boolean enabled, JsonNode config) {
        /**
         * Never null, and a copy, so the project view stays read-only.
         *
         * @param enabled whether the module is deployed
         * @param config the module's own configuration, as validated against its schema
         */
        public Integration {
            config = config == null
                    ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    : config.deepCopy();
        }

        /** @return a copy of the module config; changes to it do not affect the project */
        @Override
        public JsonNode config() {
            return config.deepCopy();
        }
    }

    /**
     * @param moduleId a module id
     * @return the integration settings of that module, if the config names it
     */
    public Optional<Integration> integration(String moduleId) {
        return Optional.ofNullable(integrations.get(moduleId));
    }
}
