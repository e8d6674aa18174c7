package dev.slk.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The project as a module sees it: the few resolved values (defaults filled in, the
 * environment's overrides applied) a module needs to name, tag and configure its resources.
 * The rest of the project configuration is the framework's business.
 *
 * @param name the project name, lower-case, as used in resource names
 * @param environment {@code dev}, {@code staging} or {@code prod}
 * @param region the AWS region the stack deploys to
 * @param account the 12-digit account id, empty when the deploying credentials' account is used
 * @param tags the tags slk puts on every resource of the stack (a module's resources inherit
 *     them), in the order they are applied
 * @param logRetentionDays how long log groups keep their events; one of the values CloudWatch
 *     Logs accepts
 */
public record Project(
        String name,
        String environment,
        String region,
        Optional<String> account,
        Map<String, String> tags,
        int logRetentionDays) {

    /**
     * Checks the values and copies the tags, so the view cannot change.
     *
     * @param name the project name, lower-case, as used in resource names
     * @param environment {@code dev}, {@code staging} or {@code prod}
     * @param region the AWS region the stack deploys to
     * @param account the 12-digit account id, empty when the deploying credentials' account is used
     * @param tags the tags slk puts on every resource of the stack, in the order they are applied
     * @param logRetentionDays how long log groups keep their events, in days
     * @throws NullPointerException when a value is missing
     * @throws IllegalArgumentException when {@code logRetentionDays} is not positive
     */
    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tags, "tags")));
        if (logRetentionDays <= 0) {
            throw new IllegalArgumentException("logRetentionDays must be positive, was " + logRetentionDays);
        }
    }

    /** @return true for the {@code prod} environment, whose resources slk retains on deletion */
    public boolean production() {
        return "prod".equals(environment);
    }
}
