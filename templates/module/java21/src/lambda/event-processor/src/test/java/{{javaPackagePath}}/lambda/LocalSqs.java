/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** A real SQS server (ElasticMQ) on 127.0.0.1, started once for all tests of this run. */
final class LocalSqs {
    private static LocalSqs shared;

    private final SQSRestServer server;
    private final URI endpoint;

    private LocalSqs() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
    }

    static synchronized LocalSqs shared() {
        if (shared == null) {
            shared = new LocalSqs();
        }
        return shared;
    }

    URI endpoint() {
        return endpoint;
    }

    SqsClient client() {
        return TestAws.sqs(endpoint);
    }

    /** @return the URL of a new, empty queue */
    String newQueue() {
        try (SqsClient sqs = client()) {
            return sqs.createQueue(b -> b.queueName("events-" + UUID.randomUUID())).queueUrl();
        }
    }

    /** @return every message body in the queue, receiving until it is empty */
    List<String> drain(String queueUrl) {
        List<String> bodies = new ArrayList<>();
        try (SqsClient sqs = client()) {
            while (true) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    return bodies;
                }
                for (Message m : messages) {
                    bodies.add(m.body());
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
        }
    }
}
