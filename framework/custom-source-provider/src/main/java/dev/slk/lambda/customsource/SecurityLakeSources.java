package dev.slk.lambda.customsource;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securitylake.SecurityLakeClient;
import software.amazon.awssdk.services.securitylake.model.ConflictException;
import software.amazon.awssdk.services.securitylake.model.CustomLogSourceProvider;
import software.amazon.awssdk.services.securitylake.model.CustomLogSourceResource;
import software.amazon.awssdk.services.securitylake.model.ListLogSourcesResponse;
import software.amazon.awssdk.services.securitylake.model.LogSource;
import software.amazon.awssdk.services.securitylake.model.LogSourceResource;
import software.amazon.awssdk.services.securitylake.model.ResourceNotFoundException;

/** The three Security Lake calls the provider makes, with their outcomes as values. */
final class SecurityLakeSources {

    /** What a create call found. */
    sealed interface Creation permits Created, AlreadyExists {
    }

    record Created(RegisteredSource source) implements Creation {
    }

    /** Security Lake answered ConflictException: a source of that name exists in the Region. */
    record AlreadyExists() implements Creation {
    }

    /** What a delete call found. */
    enum Deletion { DELETED, NOT_FOUND }

    private final Supplier<SecurityLakeClient> client;
    private final String region;
    private final Optional<String> account;
    private final Redactor redactor;

    /**
     * @param account the lake's account, to ignore same-named sources of other accounts when a
     *     delegated administrator lists the whole organisation; empty lists every account
     */
    SecurityLakeSources(Supplier<SecurityLakeClient> client, String region, Optional<String> account, Redactor redactor) {
        this.client = client;
        this.region = region;
        this.account = account;
        this.redactor = redactor;
    }

    Creation create(SourceSpec spec, CustomSourceProperties properties, ExternalId externalId) {
        try {
            CustomLogSourceResource source = client.get().createCustomLogSource(b -> b
                    .sourceName(spec.sourceName())
                    .sourceVersion(spec.sourceVersion())
                    .eventClasses(spec.eventClasses())
                    .configuration(c -> c
                            .crawlerConfiguration(crawler -> crawler.roleArn(properties.crawlerRoleArn()))
                            .providerIdentity(identity -> identity
                                    .principal(properties.providerPrincipal())
                                    .externalId(externalId.reveal()))))
                    .source();
            return new Created(registered(source, "CreateCustomLogSource", spec.sourceName()));
        } catch (ConflictException e) {
            return new AlreadyExists();
        } catch (SdkException e) {
            throw new ProviderException("creating custom log source " + spec.sourceName() + " failed: "
                    + AwsErrors.describe(e, redactor));
        }
    }

    Optional<RegisteredSource> find(String sourceName) {
        try {
            for (ListLogSourcesResponse page : client.get().listLogSourcesPaginator(b -> {
                b.regions(region).sources(LogSourceResource.builder()
                        .customLogSource(c -> c.sourceName(sourceName)).build());
                account.ifPresent(b::accounts);
            })) {
                for (LogSource entry : page.sources()) {
                    if (!region.equals(entry.region()) || account.filter(a -> !a.equals(entry.account())).isPresent()) {
                        continue;
                    }
                    for (LogSourceResource resource : entry.sources()) {
                        CustomLogSourceResource custom = resource.customLogSource();
                        if (custom != null && sourceName.equals(custom.sourceName())) {
                            return Optional.of(registered(custom, "ListLogSources", sourceName));
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw new ProviderException("looking up custom log source " + sourceName + " failed: "
                    + AwsErrors.describe(e, redactor));
        }
    }

    Deletion delete(SourceKey key) {
        try {
            client.get().deleteCustomLogSource(b -> b.sourceName(key.sourceName()).sourceVersion(key.sourceVersion()));
            return Deletion.DELETED;
        } catch (ResourceNotFoundException e) {
            return Deletion.NOT_FOUND;
        } catch (SdkException e) {
            throw new ProviderException("deleting custom log source " + key.sourceName() + " failed: "
                    + AwsErrors.describe(e, redactor));
        }
    }

    private static RegisteredSource registered(CustomLogSourceResource source, String call, String name) {
        CustomLogSourceProvider provider = source == null ? null : source.provider();
        if (provider == null || isBlank(provider.location()) || isBlank(provider.roleArn())) {
            throw new ProviderException(call + " returned no provider location and role for custom log source " + name);
        }
        return new RegisteredSource(Objects.requireNonNullElse(source.sourceName(), name),
                Objects.requireNonNullElse(source.sourceVersion(), ""), provider.location(), provider.roleArn());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
