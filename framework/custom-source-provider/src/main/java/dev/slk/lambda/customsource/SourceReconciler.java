package dev.slk.lambda.customsource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * Brings Security Lake's custom log sources in line with one custom resource request: Create
 * registers every listed source, Update registers new ones and removes dropped or changed ones,
 * Delete removes every listed source. Every path ends in an {@link Outcome}; nothing is reported
 * as a success unless each source it names exists.
 */
final class SourceReconciler {

    static final String PHYSICAL_ID_PREFIX = "slk-custom-log-sources-";
    /** Marks the physical id of a Create that failed and removed what it had created. */
    static final String CREATE_FAILED_SUFFIX = "-create-failed";
    static final String LOCATION = ".Location";
    static final String PROVIDER_ROLE_ARN = ".ProviderRoleArn";

    private static final Logger LOG = LoggerFactory.getLogger(SourceReconciler.class);

    private final SecurityLakeSources lake;
    private final ExternalIdResolver externalIds;
    private final Redactor redactor;

    SourceReconciler(SecurityLakeSources lake, ExternalIdResolver externalIds, Redactor redactor) {
        this.lake = lake;
        this.externalIds = externalIds;
        this.redactor = redactor;
    }

    Outcome handle(CloudFormationEvent event) {
        return switch (event.requestType()) {
            case "Create" -> create(event);
            case "Update" -> update(event);
            case "Delete" -> delete(event);
            default -> new Outcome.Failure(event.physicalResourceId().orElse(basePhysicalId(event)),
                    "unsupported RequestType '" + event.requestType() + "'; expected Create, Update or Delete");
        };
    }

    static String basePhysicalId(CloudFormationEvent event) {
        return PHYSICAL_ID_PREFIX + event.logicalResourceId();
    }

    private Outcome create(CloudFormationEvent event) {
        String physicalId = basePhysicalId(event);
        String failedId = physicalId + CREATE_FAILED_SUFFIX;
        CustomSourceProperties properties;
        try {
            properties = PropertiesParser.parse(event.resourceProperties());
        } catch (InvalidPropertiesException e) {
            return new Outcome.Failure(failedId, "invalid properties: " + e.getMessage());
        }
        List<String> createdHere = new ArrayList<>();
        try {
            ExternalId externalId = externalIds.resolve(properties.externalIdRef());
            Map<String, RegisteredSource> registered = new LinkedHashMap<>();
            for (SourceSpec spec : properties.sources()) {
                checkNotCancelled();
                Registration r = ensure(spec, properties, externalId);
                if (r.createdNow()) {
                    createdHere.add(spec.sourceName());
                }
                registered.put(spec.sourceName(), r.source());
            }
            return success(event, physicalId, registered, "registered " + registered.size() + " custom log source(s)");
        } catch (ProviderException e) {
            if (Thread.currentThread().isInterrupted()) {
                // The watchdog has answered already; the rollback Delete removes what exists.
                return new Outcome.Failure(physicalId, e.getMessage());
            }
            List<String> left = removeAfterFailedCreate(properties, createdHere);
            String reason = e.getMessage() + (left.isEmpty() ? "" : "; could not remove " + String.join(", ", left)
                    + " created before the failure: remove it with aws securitylake delete-custom-log-source");
            return new Outcome.Failure(failedId, reason);
        }
    }

    private Outcome update(CloudFormationEvent event) {
        String physicalId = event.physicalResourceId().orElse(basePhysicalId(event));
        CustomSourceProperties properties;
        try {
            properties = PropertiesParser.parse(event.resourceProperties());
        } catch (InvalidPropertiesException e) {
            return new Outcome.Failure(physicalId, "invalid properties: " + e.getMessage());
        }
        try {
            for (SourceKey stale : staleSources(event, properties)) {
                checkNotCancelled();
                remove(stale);
            }
            ExternalId externalId = externalIds.resolve(properties.externalIdRef());
            Map<String, RegisteredSource> registered = new LinkedHashMap<>();
            for (SourceSpec spec : properties.sources()) {
                checkNotCancelled();
                registered.put(spec.sourceName(), ensure(spec, properties, externalId).source());
            }
            return success(event, physicalId, registered, "custom log sources now: "
                    + String.join(", ", registered.keySet()));
        } catch (ProviderException e) {
            return new Outcome.Failure(physicalId, e.getMessage());
        }
    }

    private Outcome delete(CloudFormationEvent event) {
        String physicalId = event.physicalResourceId().orElse(basePhysicalId(event));
        if (physicalId.endsWith(CREATE_FAILED_SUFFIX)) {
            return new Outcome.Success(physicalId, Map.of(),
                    "nothing to delete: the failed Create removed the sources it had created");
        }
        List<String> failures = new ArrayList<>();
        List<SourceKey> keys = PropertiesParser.sourcesToDelete(event.resourceProperties());
        for (SourceKey key : keys) {
            if (Thread.currentThread().isInterrupted()) {
                failures.add("interrupted before " + key.sourceName());
                break;
            }
            try {
                remove(key);
            } catch (ProviderException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            return new Outcome.Failure(physicalId, String.join("; ", failures));
        }
        return new Outcome.Success(physicalId, Map.of(), "removed " + keys.size() + " custom log source(s)");
    }

    /** A registration result: the source and whether this request created it. */
    private record Registration(RegisteredSource source, boolean createdNow) {
    }

    private Registration ensure(SourceSpec spec, CustomSourceProperties properties, ExternalId externalId) {
        SecurityLakeSources.Creation creation = lake.create(spec, properties, externalId);
        if (creation instanceof SecurityLakeSources.Created created) {
            LOG.info("created custom log source", StructuredArguments.entry("sourceName", spec.sourceName()));
            return new Registration(created.source(), true);
        }
        checkNotCancelled();
        RegisteredSource existing = lake.find(spec.sourceName()).orElseThrow(() -> new ProviderException(
                "Security Lake reports custom log source " + spec.sourceName()
                        + " as existing, but ListLogSources does not show it in this account and Region"));
        if (!spec.sourceVersion().equals(existing.sourceVersion())) {
            throw new ProviderException("custom log source " + spec.sourceName() + " already exists with version "
                    + existing.sourceVersion() + ", not " + spec.sourceVersion()
                    + "; delete it or choose another sourceName");
        }
        LOG.info("custom log source already exists, adopted", StructuredArguments.entry("sourceName", spec.sourceName()));
        return new Registration(existing, false);
    }

    private void remove(SourceKey key) {
        SecurityLakeSources.Deletion result = lake.delete(key);
        LOG.info(result == SecurityLakeSources.Deletion.DELETED
                        ? "deleted custom log source" : "custom log source was already gone",
                StructuredArguments.entry("sourceName", key.sourceName()));
    }

    /**
     * Sources of the previous properties that the new ones drop or define differently. Security
     * Lake cannot change a source in place, so a changed definition means delete, then create.
     */
    private static List<SourceKey> staleSources(CloudFormationEvent event, CustomSourceProperties next) {
        Map<String, SourceSpec> wanted = next.sources().stream()
                .collect(Collectors.toMap(SourceSpec::sourceName, Function.identity()));
        Optional<CustomSourceProperties> previous = previous(event);
        if (previous.isEmpty()) {
            // Old properties this version cannot read: drop only names no longer listed.
            Set<String> names = wanted.keySet();
            return PropertiesParser.sourcesToDelete(event.oldResourceProperties()).stream()
                    .filter(k -> !names.contains(k.sourceName())).toList();
        }
        boolean sharedChanged = !previous.get().sameSharedSettingsAs(next);
        return previous.get().sources().stream()
                .filter(old -> sharedChanged || !wanted.containsKey(old.sourceName())
                        || !old.sameDefinitionAs(wanted.get(old.sourceName())))
                .map(SourceSpec::key)
                .toList();
    }

    private static Optional<CustomSourceProperties> previous(CloudFormationEvent event) {
        try {
            return Optional.of(PropertiesParser.parse(event.oldResourceProperties()));
        } catch (InvalidPropertiesException e) {
            return Optional.empty();
        }
    }

    private List<String> removeAfterFailedCreate(CustomSourceProperties properties, List<String> createdHere) {
        List<String> left = new ArrayList<>();
        for (SourceSpec spec : properties.sources()) {
            if (!createdHere.contains(spec.sourceName())) {
                continue;
            }
            try {
                remove(spec.key());
            } catch (ProviderException e) {
                LOG.warn("could not remove custom log source after the failed create",
                        StructuredArguments.entry("sourceName", spec.sourceName()),
                        StructuredArguments.entry("cause", redactor.redact(e.getMessage())));
                left.add(spec.sourceName());
            }
        }
        return left;
    }

    private static Outcome success(CloudFormationEvent event, String physicalId,
                                   Map<String, RegisteredSource> registered, String reason) {
        Map<String, String> data = new LinkedHashMap<>();
        registered.forEach((name, source) -> {
            data.put(name + LOCATION, source.location());
            data.put(name + PROVIDER_ROLE_ARN, source.providerRoleArn());
        });
        Outcome.Success success = new Outcome.Success(physicalId, data, reason);
        int size = CloudFormationResponse.of(event, success).toJson().length;
        if (size > CloudFormationResponse.MAX_BYTES) {
            throw new ProviderException("the response for " + registered.size() + " sources is " + size
                    + " bytes, over CloudFormation's " + CloudFormationResponse.MAX_BYTES
                    + "-byte limit; split the sources across several custom resources");
        }
        return success;
    }

    private static void checkNotCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ProviderException("stopped: the function ran out of time");
        }
    }
}
