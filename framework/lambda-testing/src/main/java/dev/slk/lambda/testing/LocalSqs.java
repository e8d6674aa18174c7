package dev.slk.lambda.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * ElasticMQ, a real SQS server, in this JVM on 127.0.0.1 on a free port, started once and shared,
 * plus a client for it. Tests that use it declare {@code elasticmq-rest-sqs_2.13}, {@code sqs}
 * and {@code url-connection-client} themselves (optional here).
 */
public final class LocalSqs {
    private static SQSRestServer server;
    private static URI endpoint;

    private LocalSqs() {
    }

    /** @return the endpoint, starting the server on first use */
    public static synchronized URI endpoint() {
        if (server == null) {
            server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
            endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
        }
        return endpoint;
    }

    /** @return a client for the shared server */
    public static SqsClient client() {
        return SqsClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(FakeCredentials.provider()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** @return the URL of a new queue */
    public static String queue(SqsClient sqs, String name) {
        return sqs.createQueue(r -> r.queueName(name)).queueUrl();
    }

    /** @return every message on the queue (received and deleted) */
    public static List<String> drain(SqsClient sqs, String queueUrl) {
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (got.isEmpty()) {
                return bodies;
            }
            for (Message m : got) {
                bodies.add(m.body());
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }
}
