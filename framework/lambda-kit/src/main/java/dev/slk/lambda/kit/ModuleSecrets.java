package dev.slk.lambda.kit;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * Reads a module's secrets from Secrets Manager through Powertools parameters, which keeps each
 * value for {@code maxAge}: most invocations of a warm function make no Secrets Manager call, and a
 * rotated secret is picked up within {@code maxAge}. Nothing here logs a value.
 *
 * <pre>{@code
 * ModuleSecrets secrets = ModuleSecrets.create(AwsClients.secretsManager());   // once per environment
 * String clientSecret = secrets.get(System.getenv("CREDENTIALS_SECRET_NAME")).field("clientSecret");
 * }</pre>
 *
 * <p>The function's environment holds secret names, never values. Instances are safe to share.
 */
public final class ModuleSecrets {
    /** How long {@link #create(SecretsManagerClient)} keeps a value. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private final SecretsProvider provider;

    private ModuleSecrets(SecretsProvider provider) {
        this.provider = provider;
    }

    /**
     * @param client the Secrets Manager client (see {@link AwsClients#secretsManager()})
     * @return secrets kept for {@link #DEFAULT_MAX_AGE}
     */
    public static ModuleSecrets create(SecretsManagerClient client) {
        return create(client, DEFAULT_MAX_AGE);
    }

    /**
     * @param client the Secrets Manager client
     * @param maxAge how long a value is reused before it is read again; at least one second
     * @return secrets kept for {@code maxAge}
     */
    public static ModuleSecrets create(SecretsManagerClient client, Duration maxAge) {
        Objects.requireNonNull(client, "client");
        if (maxAge.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("maxAge must be at least 1 s, got " + maxAge);
        }
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(maxAge);
        return new ModuleSecrets(SecretsProvider.builder().withClient(client).withCacheManager(cache).build());
    }

    /**
     * @param name the secret's name or ARN
     * @return its value (a string secret, or a binary one decoded from base64)
     * @throws SecretUnavailableException when it cannot be read; the message names the secret and the error code
     */
    public Secret get(String name) {
        if (name == null || name.isBlank()) {
            throw new SecretUnavailableException("no secret name given (the module passes the name to the function "
                    + "in its environment)");
        }
        String value;
        try {
            value = provider.get(name);
        } catch (SdkException e) {
            throw new SecretUnavailableException("secret " + name + " could not be read: " + code(e));
        }
        if (value == null) {
            throw new SecretUnavailableException("secret " + name + " has no value");
        }
        return new Secret(name, value);
    }

    private static String code(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }
}
