package dev.slk.lambda.customsource;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securitylake.SecurityLakeClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients, built on first use and kept for the life of the execution environment.
 * A Delete never reads the external id, so it never pays for the Secrets Manager or SSM client.
 */
final class AwsClients {

    private final ProviderSettings settings;
    private final SdkHttpClient http;
    private final Supplier<SecurityLakeClient> securityLake;
    private final Supplier<SecretsManagerClient> secretsManager;
    private final Supplier<SsmClient> ssm;

    AwsClients(ProviderSettings settings) {
        this.settings = settings;
        // The JDK's HttpURLConnection: no Apache or Netty jars in the deployment package.
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        this.securityLake = memoize(() -> configure(SecurityLakeClient.builder()).build());
        this.secretsManager = memoize(() -> configure(SecretsManagerClient.builder()).build());
        this.ssm = memoize(() -> configure(SsmClient.builder()).build());
    }

    Supplier<SecurityLakeClient> securityLake() {
        return securityLake;
    }

    Supplier<SecretsManagerClient> secretsManager() {
        return secretsManager;
    }

    Supplier<SsmClient> ssm() {
        return ssm;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(settings.region())
                .credentialsProvider(settings.credentials())
                .httpClient(http)
                .overrideConfiguration(c -> c.apiCallTimeout(settings.apiCallTimeout()));
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }

    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
