package dev.slk.core.validation;

import static dev.slk.core.config.ConfigKeys.DEAD_LETTER_MAX_RECEIVE_COUNT;
import static dev.slk.core.config.ConfigKeys.DEAD_LETTER_QUEUE_ENABLED;
import static dev.slk.core.config.ConfigKeys.EVENT_TRANSFORMER;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE_ENABLED;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE_SOURCES;
import static dev.slk.core.config.ConfigKeys.SQS_MESSAGE_RETENTION;
import static dev.slk.core.config.ConfigKeys.SQS_QUEUE_ENABLED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.slk.core.config.ConfigKeys;
import dev.slk.core.registry.RegisteredModule;
import dev.slk.ocsf.mapping.LoadResult;
import dev.slk.ocsf.mapping.Mapping;
import dev.slk.ocsf.mapping.MappingLoader;
import dev.slk.ocsf.mapping.Problem;
import dev.slk.ocsf.schema.OcsfClass;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether the event transformer can write what an enabled module's mappings produce. It writes
 * each record to the custom source whose {@code eventClasses} take the record's OCSF class; a
 * record no source takes fails its whole SQS message, which SQS retries into the event queue's
 * dead-letter queue. Nothing else tells the user before the records are missing, so each enabled
 * module whose mappings produce such a class gets one warning at its integration key.
 *
 * <p>The classes are read from the module's mapping files with the loader the transformer uses;
 * only enabled modules' files are read.
 */
final class EventRouting {
    static final String RULE = "integration.unrouted-class";
    static final String INVALID_MAPPINGS = "module.mappings-invalid";
    /** Mapping ids named for each class; the others are counted. */
    private static final int IDS_SHOWN = 3;
    /** A mapping whose conditions hold on a record with no fields at all takes whatever the others leave. */
    private static final JsonNode EMPTY_RECORD = JsonNodeFactory.instance.objectNode();
    /** The source name the hint suggests when there is none, the bundled example's. */
    private static final String SUGGESTED_SOURCE = "slkSecurityEvents";

    private final RuleContext ctx;

    EventRouting(RuleContext ctx) {
        this.ctx = ctx;
    }

    /** A custom source as the transformer gets it in SECURITY_LAKE_SOURCES. */
    private record Source(String name, int index, Set<Integer> classUids) {
    }

    /** Where the transformer can put records, as the config deploys it. */
    private sealed interface Routes {
        /** @param key the switch that is off, so that no transformer is deployed */
        record NoTransformer(String key) implements Routes {
        }

        /** @param sources the custom sources, possibly none */
        record Sources(List<Source> sources) implements Routes {
        }
    }

    /**
     * @param registered an enabled module
     * @param pointer its integration's pointer, where the findings go
     */
    void check(RegisteredModule registered, String pointer) {
        if (!ctx.enabled(SQS_QUEUE_ENABLED)) {
            return; // sqs.required has said that the module cannot be built at all
        }
        Optional<List<Mapping>> mappings = mappings(registered, pointer);
        if (mappings.isEmpty() || mappings.get().isEmpty()) {
            return;
        }
        Routes routes = routes();
        Map<OcsfClass, List<Mapping>> unrouted = new TreeMap<>(Comparator.comparingInt(OcsfClass::uid));
        for (Mapping mapping : mappings.get()) {
            if (!takes(routes, mapping.ocsfClass())) {
                unrouted.computeIfAbsent(mapping.ocsfClass(), c -> new ArrayList<>()).add(mapping);
            }
        }
        if (!unrouted.isEmpty()) {
            ctx.warning(RULE, pointer, message(registered.id(), routes, unrouted), hint(routes, unrouted.keySet()));
        }
    }

    private Optional<List<Mapping>> mappings(RegisteredModule registered, String pointer) {
        List<URL> urls;
        try {
            urls = registered.module().eventMappings();
        } catch (RuntimeException | Error e) {
            ModuleRules.hookFailed(ctx, registered, pointer, "eventMappings", e);
            return Optional.empty();
        }
        List<Mapping> all = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (URL url : urls == null ? List.<URL>of() : urls) {
            if (url == null) {
                ModuleRules.hookFailed(ctx, registered, pointer, "eventMappings",
                        new NullPointerException("it returned a null URL"));
                return Optional.empty();
            }
            String path = url.getPath();
            LoadResult result = MappingLoader.load(url, registered.id() + "/" + path.substring(path.lastIndexOf('/') + 1));
            if (result instanceof LoadResult.Loaded loaded) {
                all.addAll(loaded.mappings());
            } else {
                problems.addAll(((LoadResult.Invalid) result).problems());
            }
        }
        if (!problems.isEmpty()) {
            ctx.error(INVALID_MAPPINGS, pointer, "the event mappings of module " + registered.describe()
                    + " do not load, so slk synth refuses the module (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + ", first: " + problems.get(0) + ")",
                    "report this to the module's authors");
            return Optional.empty();
        }
        return Optional.of(all);
    }

    private Routes routes() {
        if (!ctx.enabled(SECURITY_LAKE_ENABLED)) {
            return new Routes.NoTransformer(ConfigKeys.dotted(SECURITY_LAKE_ENABLED));
        }
        String transformer = ConfigKeys.child(EVENT_TRANSFORMER, ConfigKeys.Lambda.ENABLED);
        if (!ctx.enabled(transformer)) {
            return new Routes.NoTransformer(ConfigKeys.dotted(transformer));
        }
        List<Source> sources = new ArrayList<>();
        JsonNode list = ctx.config().at(SECURITY_LAKE_SOURCES);
        for (int i = 0; i < list.size(); i++) {
            String base = ConfigKeys.item(SECURITY_LAKE_SOURCES, i);
            Set<Integer> uids = new HashSet<>();
            ctx.config().at(ConfigKeys.child(base, ConfigKeys.CustomSource.EVENT_CLASSES)).forEach(name -> {
                Integer uid = OcsfEventClasses.byName().get(name.asText());
                if (uid != null) {
                    uids.add(uid); // an unknown name is security-lake.event-class's error
                }
            });
            String name = ctx.text(ConfigKeys.child(base, ConfigKeys.CustomSource.SOURCE_NAME)).orElse("source " + i);
            sources.add(new Source(name, i, uids));
        }
        return new Routes.Sources(sources);
    }

    private static boolean takes(Routes routes, OcsfClass cls) {
        return routes instanceof Routes.Sources s && s.sources().stream().anyMatch(x -> x.classUids().contains(cls.uid()));
    }

    private String message(String moduleId, Routes routes, Map<OcsfClass, List<Mapping>> unrouted) {
        String classes = unrouted.entrySet().stream().map(e -> e.getKey().name() + " (" + e.getKey().uid() + ") from "
                + ids(e.getValue())).collect(Collectors.joining("; "));
        String head = "module " + moduleId + " maps records to " + count(unrouted.size(), "OCSF class", "OCSF classes");
        if (routes instanceof Routes.NoTransformer none) {
            return head + ", " + classes + ", but no event transformer is deployed (" + none.key() + " is false):"
                    + " nothing writes its records to Security Lake; they wait in the event queue until "
                    + retention() + " deletes them";
        }
        List<Source> sources = ((Routes.Sources) routes).sources();
        String consequence = sources.isEmpty()
                ? ". securityLake.OCSFEventClass lists no custom source, and the event transformer does not start"
                        + " without one (SECURITY_LAKE_SOURCES must be a non-empty JSON array): every message on the"
                        + " event queue fails"
                : ". The event transformer fails the whole SQS message that holds such a record, its other records"
                        + " included (\"no custom source in SECURITY_LAKE_SOURCES takes class_uid N\")";
        return head + " that no custom source in securityLake.OCSFEventClass takes: " + classes + consequence
                + redelivery() + ". None of the message's records reach Security Lake" + fallbacks(unrouted);
    }

    private String redelivery() {
        if (ctx.enabled(DEAD_LETTER_QUEUE_ENABLED)) {
            return "; SQS delivers it again, " + ctx.shown(DEAD_LETTER_MAX_RECEIVE_COUNT)
                    + " receives in all (sqsQueue.deadLetterQueue.maxReceiveCount), then moves it to the event"
                    + " queue's dead-letter queue";
        }
        return "; SQS delivers it again and again until " + retention() + " deletes it";
    }

    private String retention() {
        return "sqsQueue.messageRetentionPeriod (" + ctx.shown(SQS_MESSAGE_RETENTION) + " s)";
    }

    /** The module's catch-all mappings exist so that no record fails; say so when they would. */
    private static String fallbacks(Map<OcsfClass, List<Mapping>> unrouted) {
        List<String> fallbacks = unrouted.values().stream().flatMap(List::stream).filter(m -> m.matches(EMPTY_RECORD))
                .map(m -> m.id() + " (" + m.ocsfClass().name() + ")").toList();
        if (fallbacks.isEmpty()) {
            return "";
        }
        return ". This includes the module's fallback " + String.join(", ", fallbacks) + ", which takes every record"
                + " no other mapping recognises so that none fails: those records fail too";
    }

    private String hint(Routes routes, Set<OcsfClass> unrouted) {
        String names = unrouted.stream().map(OcsfClass::name).collect(Collectors.joining(", "));
        if (routes instanceof Routes.NoTransformer none) {
            return "set " + none.key() + ": true and list " + names + " in a custom source's eventClasses"
                    + " (securityLake.OCSFEventClass), or disable the integration";
        }
        List<Source> sources = ((Routes.Sources) routes).sources();
        if (sources.isEmpty()) {
            return "add a custom source that takes them: securityLake.OCSFEventClass: [{sourceName: "
                    + SUGGESTED_SOURCE + ", sourceVersion: '1.0', eventClasses: [" + names + "]}]";
        }
        Source first = sources.get(0);
        return "add " + names + " to the eventClasses of custom source " + first.name() + " (securityLake.OCSFEventClass["
                + first.index() + "]), or list them in a source of their own";
    }

    private static String ids(List<Mapping> mappings) {
        List<String> ids = mappings.stream().map(Mapping::id).toList();
        if (ids.size() <= IDS_SHOWN) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, IDS_SHOWN)) + " and " + (ids.size() - IDS_SHOWN) + " more";
    }

    private static String count(int n, String one, String many) {
        return n == 1 ? "an " + one : n + " " + many;
    }
}
