/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import dev.slk.lambda.testing.LocalSqs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The servers of bench/google-scc.sh's cold-start runs, in a JVM of their own so that the probe's
 * JVM loads nothing early: ElasticMQ and the fake Subscriber service on 127.0.0.1. Prints
 * {@code <sqs endpoint> <queue url> <pubsub endpoint>}, then reads commands from stdin, one a line:
 * {@code publish N} publishes N notifications and answers {@code ok}; {@code count} answers the
 * number of messages on the queue's side that are not acknowledged in Pub/Sub; end of input stops.
 */
public final class BenchServers {
    private BenchServers() {
    }

    public static void main(String[] args) throws Exception {
        // stdout is the script's protocol; the servers' logs (log4j's console appender) go to stderr.
        java.io.PrintStream protocol = System.out;
        System.setOut(System.err);
        SqsClient sqs = LocalSqs.client();
        String queue = LocalSqs.queue(sqs, "cold-start");
        int published = 0;
        try (FakePubSub pubsub = new FakePubSub(60)) {
            protocol.println(LocalSqs.endpoint() + " " + queue + " " + pubsub.endpoint());
            protocol.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("publish ")) {
                    int n = Integer.parseInt(line.substring("publish ".length()).strip());
                    for (int i = 0; i < n; i++) {
                        pubsub.publish(Notifications.finding(++published));
                    }
                    protocol.println("ok");
                } else if (line.equals("count")) {
                    protocol.println(pubsub.unacknowledged());
                } else {
                    protocol.println("unknown command: " + line);
                }
                protocol.flush();
            }
        }
        System.exit(0);
    }
}
