/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.ocsf.mapping.LoadResult;
import dev.slk.ocsf.mapping.Mapping;
import dev.slk.ocsf.mapping.MappingLoader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OCSF classes the module's mappings produce against a config's custom sources: the README's
 * block routes every one, the bundled example's source takes them, and a source that lacks one is
 * validate-config's integration.unrouted-class warning naming it.
 */
class CustomSourceRoutingTest {
    private static final String RULE = "integration.unrouted-class";
    private static final Path WORKSPACE = Path.of(System.getProperty("slk.workspace.dir", "../.."));
    private static final ModuleRegistry REGISTRY = ModuleRegistry.discover(CustomSourceRoutingTest.class.getClassLoader());

    private static Set<String> produced() {
        Set<String> classes = new TreeSet<>();
        for (URL url : new GoogleSccModule().eventMappings()) {
            LoadResult result = MappingLoader.load(url, url.getPath());
            assertInstanceOf(LoadResult.Loaded.class, result, result.toString()).mappings().stream()
                    .map(Mapping::ocsfClass).forEach(c -> classes.add(c.name()));
        }
        return classes;
    }

    private static Set<String> routed(JsonNode config) {
        Set<String> classes = new TreeSet<>();
        config.at("/securityLake/OCSFEventClass").forEach(s -> s.path("eventClasses").forEach(c -> classes.add(c.asText())));
        return classes;
    }

    private static JsonNode parse(String yaml, String name) throws Exception {
        return new YamlLoader().parse(yaml, name).root();
    }

    private static ValidationReport validate(JsonNode config) throws Exception {
        // JSON text is YAML: the validator reads the combined config as a user's file.
        return new ConfigValidator(REGISTRY).validate(new YamlLoader().parse(
                TestCore.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config), "config.yaml"), null);
    }

    /** slk's bundled example with the given custom sources and integrations in place of its own. */
    private static ObjectNode bundledExampleWith(JsonNode sources, JsonNode integrations) throws Exception {
        ObjectNode example = (ObjectNode) parse(Files.readString(WORKSPACE.resolve("config.example.yaml")),
                "config.example.yaml").deepCopy();
        ((ObjectNode) example.path("securityLake")).set("OCSFEventClass", sources.deepCopy());
        example.set("integrations", integrations.deepCopy());
        return example;
    }

    private static List<String> readmeBlocks() throws Exception {
        Matcher m = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(Files.readString(
                WORKSPACE.resolve("modules/google-scc/README.md")));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("\n  " + GoogleSccModule.ID + ":\n")) {
                blocks.add(m.group(1));
            }
        }
        return blocks;
    }

    @Test
    void everyReadmeBlockThatEnablesTheModuleRoutesEveryClassItProducesWithoutAnyFinding() throws Exception {
        List<String> blocks = readmeBlocks();
        assertFalse(blocks.isEmpty(), "the README has no yaml block enabling the module");
        for (String block : blocks) {
            JsonNode copied = parse(block, "README.md");
            assertTrue(routed(copied).containsAll(produced()), produced() + " not all routed by:\n" + block);
            ValidationReport report = validate(bundledExampleWith(copied.at("/securityLake/OCSFEventClass"),
                    copied.path("integrations")));
            assertTrue(report.modulesChecked().contains(GoogleSccModule.ID), report.summary());
            assertEquals(List.of(), report.findings(), block);
        }
    }

    @Test
    void aSourceWithoutTheDetectionFindingClassIsOneWarningNamingItAndTheMappingsThatProduceIt() throws Exception {
        JsonNode block = parse(readmeBlocks().get(0), "README.md");
        ArrayNode sources = (ArrayNode) block.at("/securityLake/OCSFEventClass").deepCopy();
        ArrayNode classes = (ArrayNode) sources.get(0).path("eventClasses");
        for (int i = classes.size() - 1; i >= 0; i--) {
            if (classes.get(i).asText().equals("DETECTION_FINDING")) {
                classes.remove(i);
            }
        }
        ValidationReport report = validate(bundledExampleWith(sources, block.path("integrations")));
        List<Finding> warnings = report.findings().stream().filter(f -> f.ruleId().equals(RULE)).toList();
        assertEquals(1, warnings.size(), report.findings().toString());
        assertEquals("/integrations/google-scc", warnings.get(0).pointer());
        assertTrue(warnings.get(0).message().contains("an OCSF class that no custom source in "
                + "securityLake.OCSFEventClass takes: DETECTION_FINDING (2004) from google-scc-threat, google-scc-other."),
                warnings.get(0).message());
        assertTrue(warnings.get(0).hint().startsWith("add DETECTION_FINDING to the eventClasses of custom source "),
                warnings.get(0).hint());
        assertTrue(report.valid() && !report.strict().valid(), "a warning, an error under --strict");
    }
}
