/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import dev.slk.lambda.kit.EventEnvelope;
import dev.slk.lambda.kit.EventQueueSender;
import dev.slk.lambda.kit.ModuleSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The clients one execution environment reuses across invocations: building them costs more
 * than most runs, and they keep their connections open.
 *
 * @param source fetches events from the source
 * @param sender sends events to the event queue
 */
record Clients(SourceClient source, EventQueueSender sender) {
    /** The variables the module sets on the function. */
    static final String QUEUE_URL = "EVENT_QUEUE_URL";
    static final String SECRET_NAME = "CREDENTIALS_SECRET_NAME";
    static final String SOURCE_URL = "SOURCE_URL";
    /** The module id, on every log line and in every message's envelope. */
    static final String MODULE_ID = "{{moduleId}}";

    /**
     * Where the function finds its resources.
     *
     * @param queueUrl the event queue
     * @param secretName the credentials secret's name
     * @param sourceUrl the source's URL
     * @param endpoint an endpoint for both AWS services instead of the regional ones (local runs), or empty
     * @param region the AWS region (Lambda sets AWS_REGION), or empty for the SDK's default chain
     */
    record Settings(String queueUrl, String secretName, URI sourceUrl, Optional<URI> endpoint, Optional<Region> region) {
        static Settings fromEnvironment(Map<String, String> environment) {
            return new Settings(required(environment, QUEUE_URL), required(environment, SECRET_NAME),
                    URI.create(required(environment, SOURCE_URL)), Optional.empty(),
                    Optional.ofNullable(environment.get("AWS_REGION")).filter(r -> !r.isBlank()).map(Region::of));
        }

        private static String required(Map<String, String> environment, String name) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("environment variable " + name + " is not set; the {{moduleId}} "
                        + "module sets it when it creates the function");
            }
            return value;
        }
    }

    static Clients fromEnvironment(Map<String, String> environment) {
        return create(Settings.fromEnvironment(environment));
    }

    static Clients create(Settings settings) {
        SqsClientBuilder sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        SecretsManagerClientBuilder secrets = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        settings.endpoint().ifPresent(endpoint -> {
            sqs.endpointOverride(endpoint);
            secrets.endpointOverride(endpoint);
        });
        settings.region().ifPresent(region -> {
            sqs.region(region);
            secrets.region(region);
        });
        return create(settings, sqs.build(), secrets.build());
    }

    static Clients create(Settings settings, SqsClient sqs, SecretsManagerClient secretsManager) {
        // The Lambda kit: secrets cached for 5 minutes, events packed into the module envelope.
        ModuleSecrets secrets = ModuleSecrets.create(secretsManager);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new Clients(new SourceClient(http, settings.sourceUrl(),
                () -> secrets.get(settings.secretName()).field("apiKey"), Duration.ofSeconds(30)),
                EventQueueSender.builder(sqs, settings.queueUrl()).envelope(EventEnvelope.module(MODULE_ID)).build());
    }
}
