package dev.slk.core.config;

import dev.slk.core.yaml.YamlLoader;
import java.util.List;

/**
 * The keys of the project configuration that slk's rules, overrides and stack read, as JSON
 * pointers, each spelled here and nowhere else. The project schema is their source:
 * {@code ConfigKeysTest} fails when one of them is not a key of the schema, and
 * {@code ProjectConfigSchemaTest} when the model's keys, types or defaults differ from it.
 *
 * <p>The nested classes hold the key names inside a block that repeats (a core function, a tag,
 * an alarm); join them to the block's pointer with {@link #child}.
 */
public final class ConfigKeys {
    public static final String PROJECT_NAME = "/projectName";
    public static final String ENVIRONMENT = "/environment";
    public static final String AWS_REGION = "/awsRegion";
    public static final String TAGS = "/tags";

    public static final String ENCRYPTION = "/encryption";
    public static final String ENCRYPTION_ENABLED = ENCRYPTION + "/enabled";
    public static final String ENCRYPTION_KEY_TYPE = ENCRYPTION + "/keyType";
    public static final String ENCRYPTION_KEY_ALIAS = ENCRYPTION + "/keyAlias";

    public static final String SECURITY_LAKE = "/securityLake";
    public static final String SECURITY_LAKE_ENABLED = SECURITY_LAKE + "/enabled";
    public static final String SECURITY_LAKE_BUCKET = SECURITY_LAKE + "/s3Bucket";
    public static final String SECURITY_LAKE_EXTERNAL_ID = SECURITY_LAKE + "/externalId";
    public static final String SECURITY_LAKE_SERVICE_ROLE = SECURITY_LAKE + "/serviceRole";
    /** The custom sources, a list of {@link CustomSource} blocks. */
    public static final String SECURITY_LAKE_SOURCES = SECURITY_LAKE + "/OCSFEventClass";

    public static final String EVENT_TRANSFORMER = "/coreProcessing/eventTransformer";
    public static final String SECURITY_HUB_PROCESSOR = "/coreProcessing/securityHubProcessor";
    /** The {@link Lambda} blocks of the core functions, in the order slk builds them. */
    public static final List<String> CORE_FUNCTIONS = List.of(EVENT_TRANSFORMER, SECURITY_HUB_PROCESSOR);

    public static final String SQS_QUEUE = "/sqsQueue";
    public static final String SQS_QUEUE_ENABLED = SQS_QUEUE + "/enabled";
    public static final String SQS_QUEUE_NAME = SQS_QUEUE + "/queueName";
    public static final String SQS_VISIBILITY_TIMEOUT = SQS_QUEUE + "/visibilityTimeout";
    public static final String SQS_MESSAGE_RETENTION = SQS_QUEUE + "/messageRetentionPeriod";
    public static final String DEAD_LETTER_QUEUE_ENABLED = SQS_QUEUE + "/deadLetterQueue/enabled";
    public static final String DEAD_LETTER_QUEUE_NAME = SQS_QUEUE + "/deadLetterQueue/queueName";
    public static final String DEAD_LETTER_MAX_RECEIVE_COUNT = SQS_QUEUE + "/deadLetterQueue/maxReceiveCount";

    public static final String CLOUDTRAIL_ENABLED = "/cloudTrailEventDataStore/enabled";

    public static final String SECURITY_HUB = "/securityHub";
    public static final String SECURITY_HUB_ENABLED = SECURITY_HUB + "/enabled";

    public static final String ALARMS = "/monitoring/alarms";
    public static final String ALARMS_ENABLED = ALARMS + "/enabled";
    public static final String ALARM_TOPIC_NAME = ALARMS + "/snsTopicName";
    public static final String DLQ_ALARM = ALARMS + "/dlqAlarm";
    public static final String LAMBDA_ERROR_ALARM = ALARMS + "/lambdaErrorAlarm";
    public static final String SQS_AGE_ALARM = ALARMS + "/sqsAgeAlarm";
    /** The {@link Alarm} blocks. */
    public static final List<String> ALARM_BLOCKS = List.of(DLQ_ALARM, LAMBDA_ERROR_ALARM, SQS_AGE_ALARM);

    /** Module id to {@link Integration} block. */
    public static final String INTEGRATIONS = "/integrations";

    private ConfigKeys() {
    }

    /** Keys of a core function's block, one of {@link #CORE_FUNCTIONS}. */
    public static final class Lambda {
        public static final String ENABLED = "enabled";
        public static final String FUNCTION_NAME = "functionName";
        public static final String MEMORY_SIZE = "memorySize";
        public static final String TIMEOUT = "timeout";
        public static final String RESERVED_CONCURRENCY = "reservedConcurrentExecutions";
        public static final String ENVIRONMENT = "environment";
        static final List<String> UNDER = CORE_FUNCTIONS;

        private Lambda() {
        }
    }

    /** Keys of a custom source, an item of {@link #SECURITY_LAKE_SOURCES}. */
    public static final class CustomSource {
        public static final String SOURCE_NAME = "sourceName";
        public static final String EVENT_CLASSES = "eventClasses";
        static final List<String> UNDER = List.of(SECURITY_LAKE_SOURCES + "/0");

        private CustomSource() {
        }
    }

    /** Keys of a tag, an item of {@link #TAGS}. */
    public static final class Tag {
        public static final String KEY = "key";
        public static final String VALUE = "value";
        static final List<String> UNDER = List.of(TAGS + "/0");

        private Tag() {
        }
    }

    /** Keys of an alarm's block, one of {@link #ALARM_BLOCKS}. */
    public static final class Alarm {
        public static final String EVALUATION_PERIODS = "evaluationPeriods";
        public static final String DATAPOINTS_TO_ALARM = "datapointsToAlarm";
        static final List<String> UNDER = ALARM_BLOCKS;

        private Alarm() {
        }
    }

    /** Keys of an integration, a value of {@link #INTEGRATIONS}. */
    public static final class Integration {
        public static final String ENABLED = "enabled";
        public static final String CONFIG = "config";
        static final List<String> UNDER = List.of(INTEGRATIONS + "/any-module");

        private Integration() {
        }
    }

    /**
     * @param pointer a block's pointer
     * @param name a key inside it, or a list index; escaped as JSON Pointer requires
     * @return the key's pointer
     */
    public static String child(String pointer, String name) {
        return pointer + "/" + YamlLoader.escape(name);
    }

    /**
     * @param pointer a list's pointer
     * @param index an item's index
     * @return the item's pointer
     */
    public static String item(String pointer, int index) {
        return pointer + "/" + index;
    }

    /**
     * @param pointer a key's pointer
     * @return its last segment, e.g. {@code eventTransformer} for {@link #EVENT_TRANSFORMER}
     */
    public static String name(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    /**
     * @param pointer a key's pointer
     * @return the key as messages write it, e.g. {@code sqsQueue.queueName}
     */
    public static String dotted(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }
}
