/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import dev.slk.lambda.kit.AwsClients;
import dev.slk.lambda.kit.LocalContext;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Cold start of the poller, run by bench/google-scc.sh on the class path of the deployment package
 * only (lib/*.jar of the zip) plus this class, in a fresh JVM: INIT (class load and the handler's
 * construction: configuration from the environment, the SQS client of {@code AwsClients}) and the
 * first invocation (gRPC channel, pull, send to the event queue, acknowledge) against the servers
 * of {@code BenchServers}. Left out, as they need Google: TLS and the credential's token exchange;
 * the Pub/Sub client is the plaintext one of local runs. Prints "init_ms first_invoke_ms".
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String pubsub = args[0];
        PollerConfig config = PollerConfig.fromEnvironment(System.getenv());
        PollerHandler handler = new PollerHandler(config, AwsClients.sqs(), () -> null,
                (none, subscription) -> PubSubClient.plaintext(pubsub, subscription), System.out);
        long init = System.currentTimeMillis();
        Map<String, Object> answer = handler.handleRequest(LocalRunner.scheduledEvent(), new LocalContext("google-scc-cold-start", LocalRunner.TIMEOUT, System.err));
        long invoked = System.currentTimeMillis();
        if (!Integer.valueOf(config.maxMessagesPerRun()).equals(answer.get("acknowledged"))) {
            throw new IllegalStateException("the cold-start run acknowledged " + answer);
        }
        System.out.println((init - jvmStart) + " " + (invoked - init));
        System.exit(0);
    }
}
