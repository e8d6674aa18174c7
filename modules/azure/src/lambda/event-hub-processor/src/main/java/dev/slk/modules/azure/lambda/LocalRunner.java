/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.LocalContext;
import dev.slk.lambda.kit.LocalEvents;
import dev.slk.lambda.kit.ModuleSecrets;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the Event Hubs processor once on your machine, as the schedule runs it in Lambda:
 *
 * <pre>
 * cd modules/azure/src/lambda/event-hub-processor &amp;&amp; mvn -q package
 * EVENT_QUEUE_URL=... CREDENTIALS_SECRET_NAME=azure-eventhub-credentials CHECKPOINT_TABLE_NAME=... \
 *   java -cp "target/classes:target/lib/*" dev.slk.modules.azure.lambda.LocalRunner \
 *   [--region REGION] [--endpoint-url URL] [--events-file FILE]
 * </pre>
 *
 * <p>It uses your AWS credentials (the SDK's default chain). {@code --endpoint-url} sends the SQS,
 * Secrets Manager and DynamoDB calls to a local server instead (moto_server, LocalStack). The
 * Event Hub is the one the secret names, over AMQP; a connection string with
 * {@code UseDevelopmentEmulator=true} reaches the local Event Hubs emulator. With
 * {@code --events-file}, the events are the lines of a file instead (one event body a line, all in
 * partition 0), so a run needs no Azure at all. The other variables of the function (START_POSITION,
 * MAX_EVENTS, ...) are read as in Lambda.
 */
public final class LocalRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FUNCTION = "azure-event-hub-processor-local";
    /** The function's default timeout: a local run reads and sends for as long as one in Lambda. */
    static final Duration TIMEOUT = Duration.ofSeconds(300);
    static final String USAGE = "usage: LocalRunner [--region REGION] [--endpoint-url URL] [--events-file FILE]; "
            + "set EVENT_QUEUE_URL, CREDENTIALS_SECRET_NAME and CHECKPOINT_TABLE_NAME";

    private LocalRunner() {
    }

    /**
     * @param args {@code --region REGION}, {@code --endpoint-url URL}, {@code --events-file FILE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** The options of one run. */
    private record Options(Optional<URI> endpoint, Optional<Region> region, Optional<Path> eventsFile) {
    }

    /**
     * @return 0 when the run delivered every event, 1 when it failed, 2 for a usage error
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Optional<Options> options = options(args);
        if (options.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        ProcessorConfig config;
        BiFunction<AzureCredentials, String, PartitionReader> readers;
        try {
            config = ProcessorConfig.fromEnvironment(environment);
            readers = readers(options.get().eventsFile());
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Options o = options.get();
        try (SqsClient sqs = configure(SqsClient.builder(), o).httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build();
                DynamoDbClient dynamo = configure(DynamoDbClient.builder(), o)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                SecretsManagerClient secrets = configure(SecretsManagerClient.builder(), o)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            EventHubProcessorHandler handler = new EventHubProcessorHandler(config, sqs, dynamo,
                    ModuleSecrets.create(secrets), readers, new LagMetrics(err, FUNCTION, Clock.systemUTC()),
                    Clock.systemUTC());
            Map<String, Object> result = handler.handleRequest(LocalEvents.scheduled(), new LocalContext(FUNCTION, TIMEOUT, err));
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

    private static Optional<Options> options(String[] args) {
        Optional<URI> endpoint = Optional.empty();
        Optional<Region> region = Optional.empty();
        Optional<Path> file = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                return Optional.empty();
            }
            switch (args[i]) {
                case "--endpoint-url" -> endpoint = Optional.of(URI.create(value));
                case "--region" -> region = Optional.of(Region.of(value));
                case "--events-file" -> file = Optional.of(Path.of(value));
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Options(endpoint, region, file));
    }

    private static BiFunction<AzureCredentials, String, PartitionReader> readers(Optional<Path> file)
            throws IOException {
        if (file.isEmpty()) {
            return EventHubsPartitionReader::open;
        }
        EventsFileReader events = EventsFileReader.read(file.get(), Instant.now());
        return (credentials, group) -> events;
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Options options) {
        options.endpoint().ifPresent(builder::endpointOverride);
        options.region().ifPresent(builder::region);
        return builder;
    }

}
