package dev.slk.lambda.customsource;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * How the function reaches AWS and how much of its time it keeps for answering CloudFormation.
 *
 * @param endpointOverride one endpoint for Security Lake, Secrets Manager and SSM (tests only)
 * @param responseReserve time kept back from the Lambda timeout to send the FAILED response
 * @param apiCallTimeout upper bound of one SDK call including retries
 */
record ProviderSettings(
        Region region,
        AwsCredentialsProvider credentials,
        Optional<URI> endpointOverride,
        Duration responseReserve,
        Duration apiCallTimeout) {

    static final Duration DEFAULT_RESPONSE_RESERVE = Duration.ofSeconds(10);
    static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** The Lambda runtime's environment: its Region and the execution role's credentials. */
    static ProviderSettings fromEnvironment() {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set; this handler runs in AWS Lambda");
        }
        return new ProviderSettings(Region.of(region), EnvironmentVariableCredentialsProvider.create(),
                Optional.empty(), DEFAULT_RESPONSE_RESERVE, DEFAULT_API_CALL_TIMEOUT);
    }
}
