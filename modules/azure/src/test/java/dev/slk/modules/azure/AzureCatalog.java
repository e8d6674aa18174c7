/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.mapping.LoadResult;
import dev.slk.ocsf.mapping.Mapping;
import dev.slk.ocsf.mapping.MappingCatalog;
import dev.slk.ocsf.mapping.MappingLoader;
import dev.slk.ocsf.mapping.MappingOutcome;
import dev.slk.ocsf.schema.RecordCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog the core transformer builds for this module's events: the module's mapping files
 * (as {@code eventMappings()} lists them) and then the transformer's built-in mapping, read from
 * its file in this workspace, in the transformer's order.
 */
final class AzureCatalog {
    static final String BUILT_IN_FILE =
            "framework/event-transformer/src/main/resources/dev/slk/lambda/transformer/mappings/azure-defender-alert.yaml";
    static final MappingCatalog CATALOG = build();

    private AzureCatalog() {
    }

    private static MappingCatalog build() {
        List<Mapping> module = new ArrayList<>();
        for (URL url : new AzureModule().eventMappings()) {
            module.addAll(loaded(MappingLoader.load(url, url.getPath())));
        }
        Path builtIn = Path.of(System.getProperty("slk.workspace.dir", "../..")).resolve(BUILT_IN_FILE);
        return MappingCatalog.of(Map.of(AzureModule.ID, module), loaded(MappingLoader.load(builtIn)));
    }

    private static List<Mapping> loaded(LoadResult result) {
        return assertInstanceOf(LoadResult.Loaded.class, result, result.toString()).mappings();
    }

    /** @return the mapping the transformer applies to an event the module sent */
    static Mapping select(JsonNode event) {
        MappingCatalog.Selection selection = CATALOG.select(event, AzureModule.ID, null);
        return assertInstanceOf(MappingCatalog.Selection.Found.class, selection, selection.toString()).mapping();
    }

    /** @return the record the mapping builds, which must pass the transformer's OCSF check */
    static ObjectNode apply(Mapping mapping, JsonNode event) {
        MappingOutcome outcome = mapping.apply(event);
        ObjectNode record = assertInstanceOf(MappingOutcome.Produced.class, outcome, mapping.id() + ": " + outcome)
                .ocsf();
        assertEquals(List.of(), RecordCheck.check(record), mapping.id() + ": " + record);
        return record;
    }

    static JsonNode fixture(String name) {
        try (InputStream in = AzureCatalog.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new AssertionError("no fixture src/test/resources/fixtures/" + name + ".json");
            }
            return Slk.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
