package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The mappings a transformer can apply, grouped by the module that ships them, in a fixed order:
 * modules by id, files by name, mappings in file order, built-in mappings last.
 *
 * <p>A module whose files do not load is kept as broken with its problems, so that its events fail
 * with a message saying why instead of falling through to another module's mapping.
 */
public final class MappingCatalog {
    /** The module id under which built-in mappings are listed. */
    public static final String BUILT_IN = "slk";

    private final Map<String, List<Mapping>> byModule;
    private final Map<String, List<Problem>> broken;

    private MappingCatalog(Map<String, List<Mapping>> byModule, Map<String, List<Problem>> broken) {
        this.byModule = Collections.unmodifiableMap(byModule);
        this.broken = Collections.unmodifiableMap(broken);
    }

    /** The mapping to apply to an event, or why there is none. */
    public sealed interface Selection {
        /** @param mapping the mapping to apply */
        record Found(Mapping mapping) implements Selection {
        }

        /** @param reason one line */
        record NotFound(String reason) implements Selection {
        }
    }

    /**
     * Builds a catalog from mappings already loaded.
     *
     * @param modules mappings by module id
     * @param builtIn the built-in mappings, tried after every module's
     * @return the catalog
     */
    public static MappingCatalog of(Map<String, List<Mapping>> modules, List<Mapping> builtIn) {
        Map<String, List<Mapping>> byModule = new LinkedHashMap<>();
        modules.keySet().stream().sorted().forEach(id -> byModule.put(id, List.copyOf(modules.get(id))));
        byModule.put(BUILT_IN, List.copyOf(builtIn));
        return new MappingCatalog(byModule, new LinkedHashMap<>());
    }

    /**
     * Loads {@code <root>/<moduleId>/*.yaml} (and {@code *.yml}). A missing root gives a catalog of
     * the built-in mappings only.
     *
     * @param root the mappings directory
     * @param builtIn the built-in mappings
     * @return the catalog, with modules whose files did not load marked broken
     */
    public static MappingCatalog loadDirectory(Path root, List<Mapping> builtIn) {
        Map<String, List<Mapping>> modules = new LinkedHashMap<>();
        Map<String, List<Problem>> broken = new LinkedHashMap<>();
        if (Files.isDirectory(root)) {
            for (Path dir : list(root)) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> files = list(dir).stream().filter(p -> {
                    String n = p.getFileName().toString();
                    return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
                }).toList();
                LoadResult r = MappingLoader.loadAll(files);
                String module = dir.getFileName().toString();
                if (r instanceof LoadResult.Loaded l) {
                    modules.put(module, l.mappings());
                } else {
                    broken.put(module, ((LoadResult.Invalid) r).problems());
                }
            }
        }
        MappingCatalog catalog = of(modules, builtIn);
        List<Mapping> all = new ArrayList<>();
        catalog.byModule.values().forEach(all::addAll);
        List<Problem> duplicates = MappingLoader.duplicateIds(all);
        Map<String, List<Problem>> allBroken = new LinkedHashMap<>(broken);
        if (!duplicates.isEmpty()) {
            allBroken.put("(catalog)", duplicates);
        }
        return new MappingCatalog(new LinkedHashMap<>(catalog.byModule), allBroken);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** @return mappings by module id (built-in under {@link #BUILT_IN}, last) */
    public Map<String, List<Mapping>> modules() {
        return byModule;
    }

    /** @return problems of modules whose mappings did not load, by module id */
    public Map<String, List<Problem>> broken() {
        return broken;
    }

    /**
     * Chooses the mapping for an event.
     *
     * @param event the source event
     * @param moduleId the module that sent it, or null when unknown (then every module's mappings are tried)
     * @param mappingId the mapping the module asked for, or null to match by conditions
     * @return the mapping, or why there is none
     */
    public Selection select(JsonNode event, String moduleId, String mappingId) {
        if (moduleId != null && broken.containsKey(moduleId)) {
            return new Selection.NotFound("the mappings of module " + moduleId + " did not load: "
                    + broken.get(moduleId).get(0));
        }
        List<Mapping> candidates = new ArrayList<>();
        if (moduleId != null && byModule.containsKey(moduleId)) {
            candidates.addAll(byModule.get(moduleId));
            candidates.addAll(byModule.get(BUILT_IN));
        } else {
            byModule.values().forEach(candidates::addAll);
        }
        if (mappingId != null) {
            for (Mapping m : candidates) {
                if (m.id().equals(mappingId)) {
                    return new Selection.Found(m);
                }
            }
            return new Selection.NotFound("no mapping has the id " + mappingId
                    + (moduleId == null ? "" : " (module " + moduleId + ")"));
        }
        for (Mapping m : candidates) {
            if (m.matches(event)) {
                return new Selection.Found(m);
            }
        }
        return new Selection.NotFound("no mapping matches the event" + (moduleId == null ? "" : " (module " + moduleId
                + ", " + byModule.getOrDefault(moduleId, List.of()).size() + " mappings)") + "; its top-level keys: "
                + topKeys(event));
    }

    private static String topKeys(JsonNode event) {
        List<String> keys = new ArrayList<>();
        event.fieldNames().forEachRemaining(keys::add);
        return keys.size() <= 8 ? String.join(", ", keys) : String.join(", ", keys.subList(0, 8)) + ", ...";
    }
}
