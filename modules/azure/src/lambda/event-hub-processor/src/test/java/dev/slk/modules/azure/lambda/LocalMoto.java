/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import dev.slk.lambda.testing.FakeCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * moto_server (DynamoDB and Secrets Manager), preinstalled with Python, as a child process on
 * 127.0.0.1 on a free port; started once per test JVM and stopped by its PID at exit.
 */
final class LocalMoto {
    private static Process process;
    private static URI endpoint;

    private LocalMoto() {
    }

    static synchronized URI endpoint() {
        if (process == null) {
            start();
        }
        return endpoint;
    }

    static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(FakeCredentials.provider()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static SecretsManagerClient secrets() {
        return SecretsManagerClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(FakeCredentials.provider()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A table shaped as the module's checkpoint table: one string partition key, id. */
    static String table(DynamoDbClient dynamo, String name) {
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(DynamoCheckpointStore.KEY)
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(DynamoCheckpointStore.KEY).keyType(KeyType.HASH)
                        .build()));
        return name;
    }

    private static void start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("moto", ".log");
            process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.destroy();
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // A temporary file; the system cleans it up.
                }
            }));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!listening(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("moto_server did not start: " + Files.readString(log));
                }
                process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            endpoint = URI.create("http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
