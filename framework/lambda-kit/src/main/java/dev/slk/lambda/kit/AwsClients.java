package dev.slk.lambda.kit;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients a module function needs, on the JDK's small URL-connection HTTP client (the
 * kit leaves Apache and Netty out of the zip), with region and credentials from the Lambda
 * environment. Build each once per execution environment (a static field or the handler's
 * constructor) and reuse it: building one costs more than most calls.
 */
public final class AwsClients {
    private AwsClients() {
    }

    /** @return an SQS client for the function's region */
    public static SqsClient sqs() {
        return SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** @return a Secrets Manager client for the function's region */
    public static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
