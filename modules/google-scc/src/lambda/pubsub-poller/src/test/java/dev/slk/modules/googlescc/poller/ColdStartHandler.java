/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.slk.lambda.kit.AwsClients;
import java.util.Map;

/**
 * The poller as bench/google-scc.sh measures its cold start with bench/ColdStartProbe.java, on the
 * class path of the deployment package only: Lambda's handler, built as its no-arg constructor
 * builds it (configuration from the environment, the SQS client of {@code AwsClients}), but on the
 * plaintext Pub/Sub client of local runs to the emulator at {@code PUBSUB_EMULATOR_HOST} (the
 * servers of {@code BenchServers}). Left out, as they need Google: TLS and the credential's token
 * exchange.
 */
public final class ColdStartHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final PollerHandler poller;

    public ColdStartHandler() {
        String emulator = System.getenv(LocalRunner.EMULATOR_VARIABLE);
        poller = new PollerHandler(PollerConfig.fromEnvironment(System.getenv()), AwsClients.sqs(), () -> null,
                (none, subscription) -> PubSubClient.plaintext(emulator, subscription), System.out);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return poller.handleRequest(event, context);
    }
}
