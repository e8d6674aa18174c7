/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.google.auth.oauth2.GoogleCredentials;
import dev.slk.lambda.kit.AwsClients;
import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.ModuleLogging;
import dev.slk.lambda.kit.ModuleSecrets;
import dev.slk.lambda.kit.TimeBudget;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled google-scc poller: reads its Google credential, pulls its subscription until the
 * run's limits, and fails the invocation when any message was not brought into the event queue or
 * could not be acknowledged (Pub/Sub redelivers what was not acknowledged).
 */
public final class PollerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(PollerHandler.class);

    private final PollerConfig config;
    private final EventQueueSender sender;
    private final java.util.function.Supplier<GoogleCredentials> credentials;
    private final BiFunction<GoogleCredentials, String, PubSubClient> clients;
    private final PrintStream metrics;

    /** Lambda's constructor: clients from the function's environment, built once per execution environment. */
    public PollerHandler() {
        this(PollerConfig.fromEnvironment(System.getenv()));
    }

    private PollerHandler(PollerConfig config) {
        this(config, AwsClients.sqs(), fromSecret(config, ModuleSecrets.create(AwsClients.secretsManager())),
                PubSubClient::google, System.out);
    }

    PollerHandler(PollerConfig config, software.amazon.awssdk.services.sqs.SqsClient sqs,
            java.util.function.Supplier<GoogleCredentials> credentials,
            BiFunction<GoogleCredentials, String, PubSubClient> clients, PrintStream metrics) {
        this(config, EventQueueSender.builder(sqs, config.queueUrl()).envelope(EventEnvelope.module("google-scc")).build(),
                credentials, clients, metrics);
    }

    /** @return the poller's Google credential, read from its secret (through the kit's cache) on each run */
    static java.util.function.Supplier<GoogleCredentials> fromSecret(PollerConfig config, ModuleSecrets secrets) {
        return () -> new GoogleCredentialsReader(null, GoogleCredentialsReader.lambdaRole())
                .read(config.secretName(), secrets.get(config.secretName()).value());
    }

    PollerHandler(PollerConfig config, EventQueueSender sender, java.util.function.Supplier<GoogleCredentials> credentials,
            BiFunction<GoogleCredentials, String, PubSubClient> clients, PrintStream metrics) {
        this.config = config;
        this.sender = sender;
        this.credentials = credentials;
        this.clients = clients;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return ModuleLogging.handle("google-scc", context, () -> poll(context));
    }

    private Map<String, Object> poll(Context context) {
        TimeBudget budget = TimeBudget.of(context);
        GoogleCredentials google = credentials.get();
        RunSummary summary;
        try (PubSubClient pubsub = clients.apply(google, config.subscriptionPath())) {
            summary = new PollLoop(pubsub, sender, config, PollLoop.Timing.forDeadline(config.ackDeadline())).run(budget);
        } catch (PollFailedException e) {
            RunMetrics.write(metrics, context.getFunctionName(), e.summary(), System.currentTimeMillis());
            LOG.error("poll of {} failed: {}", config.subscriptionPath(), e.getMessage());
            throw e;
        }
        RunMetrics.write(metrics, context.getFunctionName(), summary, System.currentTimeMillis());
        LOG.info("poll of {}: {}", config.subscriptionPath(), summary);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscription", config.subscriptionPath());
        answer.put("pulled", summary.pulled());
        answer.put("acknowledged", summary.acknowledged());
        answer.put("backlog", summary.backlog());
        return answer;
    }
}
