/*
 * Copyright (c) 2026 the slk authors
 */
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.slk.lambda.kit.ModuleSecrets;
import dev.slk.modules.azure.lambda.EventHubProcessorHandler;
import dev.slk.modules.azure.lambda.LagMetrics;
import dev.slk.modules.azure.lambda.PartitionReader;
import dev.slk.modules.azure.lambda.ProcessorConfig;
import dev.slk.modules.azure.lambda.ReceivedEvent;
import dev.slk.modules.azure.lambda.StartPosition;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Cold start of the azure module's Event Hubs processor, on the class path of its Lambda package
 * only (lib/*.jar of the zip). From JVM start: INIT (class load + the no-arg constructor Lambda
 * calls: environment, SQS, DynamoDB and Secrets Manager clients) and the first invocation: the
 * secret from Secrets Manager, the checkpoints in DynamoDB, 100 events of 1 KiB sent to SQS (all on
 * moto_server, 127.0.0.1), with the Event Hub held in memory behind the partition-reader seam (the
 * AMQP connection to Azure is not included). Prints one line: "init_ms first_invoke_ms".
 */
public final class AzureColdStartProbe {
    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Class<?> type = Class.forName("dev.slk.modules.azure.lambda.EventHubProcessorHandler");
        type.getConstructor().newInstance();
        long init = System.currentTimeMillis();

        Map<String, String> env = System.getenv();
        EventHubProcessorHandler handler = new EventHubProcessorHandler(ProcessorConfig.fromEnvironment(env),
                SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                ModuleSecrets.create(SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build()),
                (credentials, group) -> new MemoryHub(100),
                new LagMetrics(new PrintStream(OutputStream.nullOutputStream()), "probe", Clock.systemUTC()),
                Clock.systemUTC());
        Map<String, Object> result = handler.handleRequest(Map.of(), context());
        long invoked = System.currentTimeMillis();
        if (!Integer.valueOf(100).equals(result.get("eventsDelivered"))) {
            throw new IllegalStateException("the cold-start run did not deliver 100 events: " + result);
        }
        System.out.println((init - jvmStart) + " " + (invoked - init));
        System.exit(0);
    }

    /** One partition of n events of 1 KiB. */
    private static final class MemoryHub implements PartitionReader {
        private final List<ReceivedEvent> events = new ArrayList<>();

        MemoryHub(int n) {
            for (int i = 0; i < n; i++) {
                String body = "{\"category\":\"SignInLogs\",\"seq\":" + i + ",\"pad\":\"" + "x".repeat(980) + "\"}";
                events.add(new ReceivedEvent("0", i, Integer.toString(i), Instant.now(),
                        body.getBytes(StandardCharsets.UTF_8)));
            }
        }

        public List<String> partitionIds() {
            return List.of("0");
        }

        public PartitionEnd end(String partitionId) {
            ReceivedEvent last = events.get(events.size() - 1);
            return new PartitionEnd(false, last.sequenceNumber(), last.offset(), last.enqueuedTime());
        }

        public List<ReceivedEvent> receive(String partitionId, StartPosition from, int maxEvents, Duration maxWait) {
            int first = from instanceof StartPosition.After after ? (int) after.sequenceNumber() + 1 : 0;
            return events.subList(Math.min(first, events.size()), Math.min(events.size(), first + maxEvents));
        }

        public void close() {
        }
    }

    private static Context context() {
        return new Context() {
            public String getAwsRequestId() { return "cold-start"; }
            public String getLogGroupName() { return "/aws/lambda/bench"; }
            public String getLogStreamName() { return "bench"; }
            public String getFunctionName() { return "bench"; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:123456789012:function:bench"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 300_000; }
            public int getMemoryLimitInMB() { return 512; }
            public LambdaLogger getLogger() { return null; }
        };
    }
}
