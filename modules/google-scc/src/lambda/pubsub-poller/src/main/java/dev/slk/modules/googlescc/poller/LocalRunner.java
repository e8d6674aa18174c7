/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import dev.slk.lambda.kit.LocalContext;
import dev.slk.lambda.kit.LocalEvents;
import dev.slk.lambda.kit.ModuleSecrets;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the poller once on your machine, as its schedule would in Lambda:
 *
 * <pre>
 * cd modules/google-scc/src/lambda/pubsub-poller &amp;&amp; mvn -q package
 * EVENT_QUEUE_URL=... GCP_PROJECT_ID=my-scc-project GCP_SUBSCRIPTION_ID=scc-findings-subscription \
 *   CREDENTIALS_SECRET_NAME=gcp-scc-findings-credentials \
 *   java -cp "target/classes:$(cat target/slk-classpath.txt)" dev.slk.modules.googlescc.poller.LocalRunner \
 *   [--region REGION] [--endpoint-url URL] [--pubsub-emulator HOST:PORT]
 * </pre>
 *
 * <p>It uses your AWS credentials (the SDK's default chain) for SQS and Secrets Manager;
 * {@code --endpoint-url} sends those calls to a local server instead, such as ElasticMQ or
 * LocalStack. Without an emulator it reads the credential secret and pulls from Google over TLS,
 * as the function does. {@code --pubsub-emulator} (or Google's {@code PUBSUB_EMULATOR_HOST}
 * variable) pulls from a local Pub/Sub emulator over plaintext instead, without a Google
 * credential, so no secret is read and {@code CREDENTIALS_SECRET_NAME} may be left out.
 */
public final class LocalRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String EMULATOR_VARIABLE = "PUBSUB_EMULATOR_HOST";
    static final String FUNCTION = "google-scc-poller-local";
    /** How long a local run may pull. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final String USAGE = "usage: LocalRunner [--region REGION] [--endpoint-url URL] [--pubsub-emulator HOST:PORT];"
            + " set EVENT_QUEUE_URL, GCP_PROJECT_ID, GCP_SUBSCRIPTION_ID and (without an emulator) CREDENTIALS_SECRET_NAME";

    private LocalRunner() {
    }

    /**
     * @param args {@code --region REGION}, {@code --endpoint-url URL}, {@code --pubsub-emulator HOST:PORT}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** The command line, once read. */
    private record Options(Optional<URI> endpoint, Optional<Region> region, Optional<String> emulator) {
    }

    /**
     * @return 0 when the run brought every pulled message into the queue and acknowledged it, 1 when
     *     it failed, 2 for a usage error
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Optional<Options> options = options(args, environment);
        if (options.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try {
            Map<String, Object> result = handler(options.get(), environment, err)
                    .handleRequest(LocalEvents.scheduled(), new LocalContext(FUNCTION, TIMEOUT, err));
            out.println(JSON.writeValueAsString(result));
            return 0;
        } catch (JsonProcessingException e) {
            err.println("cannot print the result: " + e.getOriginalMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("run failed: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<Options> options(String[] args, Map<String, String> environment) {
        Optional<URI> endpoint = Optional.empty();
        Optional<Region> region = Optional.empty();
        Optional<String> emulator = Optional.ofNullable(environment.get(EMULATOR_VARIABLE)).filter(v -> !v.isBlank());
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                return Optional.empty();
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--endpoint-url" -> endpoint = Optional.of(URI.create(value));
                case "--region" -> region = Optional.of(Region.of(value));
                case "--pubsub-emulator" -> emulator = Optional.of(value);
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Options(endpoint, region, emulator));
    }

    /** The handler Lambda would build, on the local run's endpoints; metrics go to {@code err}. */
    private static PollerHandler handler(Options options, Map<String, String> environment, PrintStream err) {
        SqsClient sqs = configure(SqsClient.builder(), options).build();
        if (options.emulator().isPresent()) {
            String emulator = options.emulator().get();
            PollerConfig config = PollerConfig.fromEnvironment(environment, false);
            BiFunction<GoogleCredentials, String, PubSubClient> plaintext =
                    (none, subscription) -> PubSubClient.plaintext(emulator, subscription);
            return new PollerHandler(config, sqs, () -> null, plaintext, err);
        }
        PollerConfig config = PollerConfig.fromEnvironment(environment);
        SecretsManagerClient secrets = configure(SecretsManagerClient.builder(), options).build();
        return new PollerHandler(config, sqs, PollerHandler.fromSecret(config, ModuleSecrets.create(secrets)),
                PubSubClient::google, err);
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(B builder,
            Options options) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        options.endpoint().ifPresent(builder::endpointOverride);
        options.region().ifPresent(builder::region);
        return builder;
    }

}
