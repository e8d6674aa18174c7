package dev.slk.iam.online;

import dev.slk.core.findings.SourceLocation;
import dev.slk.core.yaml.UnreadableInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * Credentials, region and endpoint for the online checks, read from the environment the command was given (not the
 * process's own, so that tests choose it): the standard variables, then the named or default profile, then a
 * container or instance role.
 *
 * @param credentials where the credentials come from; already resolved once
 * @param region the region the checks run in
 * @param endpoint {@code AWS_ENDPOINT_URL_ACCESSANALYZER} or {@code AWS_ENDPOINT_URL}, or null for AWS's own
 */
public record AwsSession(AwsCredentialsProvider credentials, Region region, URI endpoint) {
    /** Where an unusable session is reported: the option that asked for it. */
    static final SourceLocation OPTION = SourceLocation.ofFile("--online");

    /**
     * @param env the environment variables
     * @return the session
     * @throws UnreadableInputException in one line when there are no credentials, no region or a bad endpoint
     */
    public static AwsSession from(Map<String, String> env) throws UnreadableInputException {
        ProfileFile profiles = profiles(env);
        String profileName = value(env, "AWS_PROFILE").orElse("default");
        Optional<Profile> profile = profiles.profile(profileName);
        AwsCredentialsProvider credentials = credentials(env, profiles, profileName, profile.isPresent());
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            throw new UnreadableInputException(OPTION, "no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (IAM Access Analyzer needs them; without --online "
                    + "the analysis is offline)");
        }
        String region = value(env, "AWS_REGION").or(() -> value(env, "AWS_DEFAULT_REGION"))
                .or(() -> profile.flatMap(p -> p.property("region")))
                .orElseThrow(() -> new UnreadableInputException(OPTION,
                        "no AWS region: set AWS_REGION or a region in the profile " + profileName));
        return new AwsSession(credentials, Region.of(region), endpoint(env));
    }

    private static AwsCredentialsProvider credentials(Map<String, String> env, ProfileFile profiles, String name,
            boolean hasProfile) {
        Optional<String> key = value(env, "AWS_ACCESS_KEY_ID");
        Optional<String> secret = value(env, "AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent()) {
            Optional<String> token = value(env, "AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(key.get(), secret.get()));
        }
        List<AwsCredentialsProvider> chain = new ArrayList<>();
        if (hasProfile) {
            chain.add(ProfileCredentialsProvider.builder().profileFile(profiles).profileName(name).build());
        }
        if (value(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()
                || value(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            chain.add(ContainerCredentialsProvider.create());
        }
        if (!"true".equalsIgnoreCase(env.getOrDefault("AWS_EC2_METADATA_DISABLED", ""))) {
            chain.add(InstanceProfileCredentialsProvider.create());
        }
        if (chain.isEmpty()) {
            return () -> {
                throw software.amazon.awssdk.core.exception.SdkClientException.create("no credentials");
            };
        }
        return AwsCredentialsProviderChain.builder().credentialsProviders(chain).reuseLastProviderEnabled(true).build();
    }

    private static ProfileFile profiles(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path config = value(env, "AWS_CONFIG_FILE").map(Path::of).orElse(home.resolve(".aws/config"));
        Path creds = value(env, "AWS_SHARED_CREDENTIALS_FILE").map(Path::of).orElse(home.resolve(".aws/credentials"));
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        if (config.toFile().isFile()) {
            all.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (creds.toFile().isFile()) {
            all.addFile(ProfileFile.builder().content(creds).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return all.build();
    }

    private static URI endpoint(Map<String, String> env) throws UnreadableInputException {
        Optional<String> url = value(env, "AWS_ENDPOINT_URL_ACCESSANALYZER").or(() -> value(env, "AWS_ENDPOINT_URL"));
        if (url.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(url.get());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url.get(), "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UnreadableInputException(OPTION, "AWS_ENDPOINT_URL " + dev.slk.core.text.Echo.quoted(url.get())
                    + " is not a URL");
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
