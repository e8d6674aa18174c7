/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.ocsf.mapping.Mapping;
import dev.slk.ocsf.schema.OcsfClass;
import dev.slk.ocsf.schema.OcsfClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OCSF classes the transformer makes of this module's records (its mappings, and the
 * transformer's built-in one it falls back to) against the custom sources of a config: those no
 * source takes are validate-config's integration.unrouted-class warning, and the README's blocks
 * route every one of them.
 */
class CustomSourceRoutingTest {
    private static final String RULE = "integration.unrouted-class";
    private static final Path README = Path.of(System.getProperty("slk.workspace.dir", "../.."))
            .resolve("modules/azure/README.md");

    /** Every class the transformer can make of the module's records, by name. */
    private static Set<String> produced() {
        Set<String> classes = new TreeSet<>();
        AzureCatalog.CATALOG.modules().values().forEach(mappings -> mappings.stream().map(Mapping::ocsfClass)
                .map(OcsfClass::name).forEach(classes::add));
        return classes;
    }

    /** The classes the config's custom sources take, by name. */
    private static Set<String> routed(String yaml) throws Exception {
        Set<String> classes = new TreeSet<>();
        new YamlLoader().parse(yaml, "config.yaml").root().at("/securityLake/OCSFEventClass")
                .forEach(source -> source.path("eventClasses").forEach(c -> classes.add(c.asText())));
        return classes;
    }

    private static List<Finding> unrouted(ValidationReport report) {
        return report.findings().stream().filter(f -> f.ruleId().equals(RULE)).toList();
    }

    /** The exit code slk validate-config gives, as the command computes it (no waivers here). */
    private static int exitCode(ValidationReport report, boolean strict) {
        ValidationReport judged = (strict ? report.strict() : report)
                .judge(WaiverLedger.empty("slk-waivers.yaml", Clock.systemUTC()),
                        WaiverLedger.Scope.unclaimed(report.file(), strict)).report();
        return judged.valid() ? 0 : 1;
    }

    @Test
    void enabledInTheBundledExampleTheClassesItsSourceDoesNotTakeAreOneWarningThatStrictMakesAnError()
            throws Exception {
        String yaml = Slk.bundledExampleWith(Slk.reference("azure.config.example.yaml"));
        Set<String> missing = new TreeSet<>(produced());
        missing.removeAll(routed(yaml));
        assertTrue(missing.containsAll(List.of("AUTHENTICATION", "API_ACTIVITY")), missing.toString());

        ValidationReport report = Slk.validate(yaml);
        List<Finding> warnings = unrouted(report);
        assertEquals(1, warnings.size(), report.findings().toString());
        Finding warning = warnings.get(0);
        assertEquals("/integrations/azure", warning.pointer());
        for (String name : produced()) {
            String shown = name + " (" + OcsfClasses.byName(name).orElseThrow().uid() + ") from ";
            assertEquals(missing.contains(name), warning.message().contains(shown), name + ": " + warning.message());
        }
        assertTrue(warning.message().contains("dead-letter queue"), warning.message());
        assertTrue(warning.message().contains("This includes the module's fallback azure-unrecognised-record "
                + "(API_ACTIVITY)"), warning.message());
        assertTrue(warning.hint().startsWith("add " + String.join(", ", ordered(missing))
                + " to the eventClasses of custom source slkSecurityEvents"), warning.hint());
        assertEquals(0, exitCode(report, false));
        assertEquals(1, exitCode(report, true));
    }

    @Test
    void theReferenceProjectExampleWithAzureEnabledStillHasNoErrorsAndNamesWhatItsSourceDoesNotTake()
            throws Exception {
        String yaml = Slk.reference("config.example.yaml");
        ValidationReport report = Slk.validate(yaml);
        assertTrue(report.valid(), report.errors().toString());
        Set<String> missing = new TreeSet<>(produced());
        missing.removeAll(routed(yaml));
        Finding warning = unrouted(report).get(0);
        for (String name : missing) {
            assertTrue(warning.message().contains(name + " ("), name + ": " + warning.message());
        }
    }

    @Test
    void everyReadmeBlockThatEnablesTheModuleRoutesEveryClassItProducesWithoutAnyWarning() throws Exception {
        List<String> blocks = readmeBlocks();
        assertFalse(blocks.isEmpty(), "the README has no yaml block enabling the module");
        for (String block : blocks) {
            assertTrue(routed(block).containsAll(produced()), "the README block does not route "
                    + produced() + ":\n" + block);
            ValidationReport report = Slk.validate(bundledExampleWithBlock(block));
            assertTrue(report.modulesChecked().contains(AzureModule.ID), report.summary());
            assertEquals(List.of(), report.findings(), block);
        }
    }

    /** The README's {@code yaml} blocks that enable the module. */
    private static List<String> readmeBlocks() throws IOException {
        Matcher m = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(Files.readString(README));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("\n  " + AzureModule.ID + ":\n")) {
                blocks.add(m.group(1));
            }
        }
        return blocks;
    }

    /**
     * slk's bundled example with the block's custom sources and integrations in place of its own,
     * as a user who copies the block into the example has it (as JSON text, which is YAML).
     */
    private static String bundledExampleWithBlock(String block) throws Exception {
        String example = Files.readString(Path.of(System.getProperty("slk.workspace.dir", "../.."))
                .resolve("config.example.yaml"));
        ObjectNode config = (ObjectNode) new YamlLoader().parse(example, "config.example.yaml").root().deepCopy();
        JsonNode copied = new YamlLoader().parse(block, "README.md").root();
        ((ObjectNode) config.path("securityLake")).set("OCSFEventClass", copied.at("/securityLake/OCSFEventClass"));
        config.set("integrations", copied.path("integrations"));
        try {
            return Slk.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Class names in class_uid order, as the hint lists them. */
    private static List<String> ordered(Set<String> names) {
        return names.stream().map(n -> OcsfClasses.byName(n).orElseThrow())
                .sorted(Comparator.comparingInt(OcsfClass::uid)).map(OcsfClass::name).toList();
    }
}
