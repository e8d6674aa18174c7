/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.slk.lambda.kit.AwsClients;
import dev.slk.lambda.kit.ModuleSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The processor as bench/azure.sh measures its cold start with bench/ColdStartProbe.java, on the
 * class path of its Lambda package only: built as Lambda's no-arg constructor builds it (the
 * environment; SQS, DynamoDB and Secrets Manager clients), but with the Event Hub read from the
 * file at {@code SLK_BENCH_EVENTS_FILE} (one event body a line, the local runner's
 * {@code --events-file} reader) instead of over AMQP, which needs Azure or its emulator.
 */
public final class ColdStartHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final EventHubProcessorHandler processor;

    public ColdStartHandler() {
        EventsFileReader hub;
        try {
            hub = EventsFileReader.read(Path.of(System.getenv("SLK_BENCH_EVENTS_FILE")), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processor = new EventHubProcessorHandler(ProcessorConfig.fromEnvironment(System.getenv()), AwsClients.sqs(),
                DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                ModuleSecrets.create(AwsClients.secretsManager()), (credentials, group) -> hub,
                new LagMetrics(System.out, "cold-start-probe", Clock.systemUTC()), Clock.systemUTC());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return processor.handleRequest(event, context);
    }
}
