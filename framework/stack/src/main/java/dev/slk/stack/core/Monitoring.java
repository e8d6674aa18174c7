package dev.slk.stack.core;

import dev.slk.core.config.ConfigKeys;
import dev.slk.core.config.ProjectConfig;
import dev.slk.spi.JsiiMaps;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The notification topic and the framework's alarms: dead-letter queue depth, the core
 * functions' error rate, and the age of the oldest queued event. Thresholds and periods come
 * from {@code monitoring.alarms}.
 */
public final class Monitoring extends Construct {
    private final ProjectConfig.Alarms settings;
    private final ResourceNames names;
    private final Topic topic;

    Monitoring(Construct scope, ProjectConfig config, ResourceNames names, Optional<IKey> key) {
        super(scope, "Monitoring");
        this.settings = config.monitoring().alarms();
        this.names = names;
        this.topic = Topic.Builder.create(this, "AlarmTopic")
                .topicName(names.topic(settings.snsTopicName(), ConfigKeys.dotted(ConfigKeys.ALARM_TOPIC_NAME)))
                .displayName("slk alarms of " + names.stack())
                // Without a shared key the topic still encrypts, with the AWS-managed SNS key.
                .masterKey(key.orElseGet(() -> Alias.fromAliasName(this, "AwsManagedSnsKey", "alias/aws/sns")))
                .enforceSsl(true)
                .build();
        for (String email : settings.emailEndpoints()) {
            topic.addSubscription(EmailSubscription.Builder.create(email).build());
        }
    }

    /** @return the topic alarms notify */
    public Topic topic() {
        return topic;
    }

    void deadLetterQueueDepth(String id, String alarmName, IQueue deadLetterQueue, String what) {
        ProjectConfig.ThresholdAlarm alarm = settings.dlqAlarm();
        if (alarm.enabled()) {
            add(id, alarmName, ConfigKeys.dotted(ConfigKeys.DLQ_ALARM), "Messages are in the dead-letter queue of " + what
                            + ": they failed processing repeatedly. Inspect them, fix the cause, then redrive them.",
                    deadLetterQueue.metricApproximateNumberOfMessagesVisible(maximum(alarm.period())),
                    alarm.threshold(), alarm.evaluationPeriods(), alarm.datapointsToAlarm(),
                    ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        }
    }

    void errorRate(String id, String alarmName, Function function, String functionName) {
        ProjectConfig.ErrorRateAlarm alarm = settings.lambdaErrorAlarm();
        if (!alarm.enabled()) {
            return;
        }
        Duration period = Duration.seconds(alarm.period());
        MetricOptions sum = MetricOptions.builder().period(period).statistic("Sum").build();
        IMetric rate = MathExpression.Builder.create()
                .expression("IF(invocations > 0, errors / invocations, 0)")
                .usingMetrics(JsiiMaps.sorted(Map.of("errors", function.metricErrors(sum), "invocations",
                        function.metricInvocations(sum))))
                .period(period)
                .label("error rate of " + functionName)
                .build();
        add(id, alarmName, ConfigKeys.dotted(ConfigKeys.LAMBDA_ERROR_ALARM), "More than " + alarm.errorRateThreshold() * 100
                        + "% of the invocations of " + functionName + " fail. Read its log group for the errors.",
                rate, alarm.errorRateThreshold(), alarm.evaluationPeriods(), alarm.datapointsToAlarm(),
                ComparisonOperator.GREATER_THAN_THRESHOLD);
    }

    void oldestMessageAge(String id, String alarmName, IQueue queue, String what) {
        ProjectConfig.AgeAlarm alarm = settings.sqsAgeAlarm();
        if (alarm.enabled()) {
            add(id, alarmName, ConfigKeys.dotted(ConfigKeys.SQS_AGE_ALARM), "Events wait in " + what + " longer than "
                            + alarm.ageThreshold() + " s: the event transformer is failing, throttled or not keeping up.",
                    queue.metricApproximateAgeOfOldestMessage(maximum(alarm.period())), alarm.ageThreshold(),
                    alarm.evaluationPeriods(), alarm.datapointsToAlarm(),
                    ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        }
    }

    private static MetricOptions maximum(int periodSeconds) {
        return MetricOptions.builder().period(Duration.seconds(periodSeconds)).statistic("Maximum").build();
    }

    private void add(String id, String alarmName, String configKey, String description, IMetric metric,
            double threshold, int evaluationPeriods, int datapointsToAlarm, ComparisonOperator comparison) {
        notifying(Alarm.Builder.create(this, id)
                .alarmName(names.alarm(alarmName, configKey))
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapointsToAlarm)
                .comparisonOperator(comparison)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
    }

    /**
     * @param alarm an alarm
     * @return the alarm, now notifying the topic
     */
    public Alarm notifying(Alarm alarm) {
        alarm.addAlarmAction(new SnsAction(topic));
        return alarm;
    }
}
