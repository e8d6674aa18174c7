/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.lambda.kit.LocalContext;
import dev.slk.lambda.kit.LocalEvents;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Runs the event processor once on your machine, as the schedule would in Lambda:
 *
 * <pre>
 * cd {{moduleDir}}/src/lambda/event-processor &amp;&amp; mvn -q package
 * EVENT_QUEUE_URL=... CREDENTIALS_SECRET_NAME={{secretName}} SOURCE_URL=https://... \
 *   java -cp "target/classes:$(cat target/slk-classpath.txt)" {{javaPackage}}.lambda.LocalRunner [--region REGION] [--endpoint-url URL]
 * </pre>
 *
 * It uses your AWS credentials (the SDK's default chain). {@code --endpoint-url} sends the SQS and
 * Secrets Manager calls to a local server instead, such as ElasticMQ or LocalStack.
 */
public final class LocalRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FUNCTION = "{{moduleId}}-event-processor-local";
    /** The function's default timeout: a local run may take as long as one in Lambda. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final String USAGE = "usage: LocalRunner [--region REGION] [--endpoint-url URL]; "
            + "set EVENT_QUEUE_URL, CREDENTIALS_SECRET_NAME and SOURCE_URL";

    private LocalRunner() {
    }

    /**
     * @param args {@code --region REGION}, {@code --endpoint-url URL}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * @return 0 when the run delivered every event, 1 when it failed, 2 for a usage error
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Optional<URI> endpoint = Optional.empty();
        Optional<Region> region = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--endpoint-url" -> endpoint = Optional.ofNullable(value).map(URI::create);
                case "--region" -> region = Optional.ofNullable(value).map(Region::of);
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            if (value == null) {
                err.println(USAGE);
                return 2;
            }
            i++;
        }
        try {
            Clients.Settings base = Clients.Settings.fromEnvironment(environment);
            Clients clients = Clients.create(new Clients.Settings(base.queueUrl(), base.secretName(), base.sourceUrl(),
                    endpoint, region));
            Map<String, Object> result = new EventProcessorHandler(() -> clients)
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

}
