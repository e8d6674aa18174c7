package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.registry.ModuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's contract: targets, exit codes, formats. What each item measures is tested in slk-checklist. */
class ChecklistCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @BeforeEach
    void workspace() throws Exception {
        Files.writeString(root.resolve("slk-workspace.properties"), "modules.dir=modules\ncopyright.holder=the test authors\n");
        Files.writeString(root.resolve("pom.xml"), "<project><modules><module>modules</module></modules></project>\n");
        Files.createDirectories(root.resolve("modules/half-done/src/main/resources/META-INF/services"));
        Files.writeString(root.resolve("modules/pom.xml"), "<project><modules><module>half-done</module></modules></project>\n");
        Files.writeString(root.resolve("modules/half-done/pom.xml"), "<project><version>1.0.0</version></project>\n");
        Files.writeString(root.resolve("modules/half-done/src/main/resources/META-INF/services/dev.slk.spi.IntegrationModule"),
                "# Copyright (c) 2026 the test authors\nx.HalfDone\n");
        Files.writeString(root.resolve("modules/half-done/README.md"), "# Half done :)\n");
    }

    private Slk.Result checklist(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "checklist";
        System.arraycopy(args, 0, all, 1, args.length);
        return Slk.run(root, Map.of(), () -> ModuleRegistry.discover(getClass().getClassLoader()), all);
    }

    @Test
    void aFailingItemExitsOneAndTheTextShowsEachItemThenTheFindings() {
        Slk.Result result = checklist("--module", "half-done", "--no-run");

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("module half-done\n  FAIL  1      Implements the module interface"), result.out());
        assertTrue(result.out().contains("modules/half-done/README.md:1:13: error: emoticon ':)' in"
                + " modules/half-done/README.md [checklist.no-emotes] [module half-done]"), result.out());
        assertTrue(result.out().strip().endsWith("failed"), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.matches("checklist: 1 module\\(s\\), \\d+ items: .*; failed")),
                result.out());
    }

    @Test
    void jsonCarriesEveryItemsVerdictAndEvidenceAndTheFindings() throws Exception {
        Slk.Result result = checklist("--module", "half-done", "--no-run", "--format", "json");

        assertEquals(1, result.exitCode(), result.err());
        JsonNode report = JSON.readTree(result.out());
        assertEquals("slk checklist", report.path("tool").asText());
        assertEquals("FAIL", report.at("/facts/half-done.checklist.no-emotes").asText());
        assertEquals("FAIL", report.at("/facts/half-done.checklist.packaging").asText());
        assertTrue(report.path("findings").size() > 3, result.out());
        report.path("findings").forEach(f -> assertTrue(f.path("rule").asText().startsWith("checklist."), f.toString()));
    }

    @Test
    void junitHasATestSuitePerItem() {
        Slk.Result result = checklist("--all", "--no-run", "--format", "junit");

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.out().contains("<testsuite name=\"checklist.module-interface\""), result.out());
        assertTrue(result.out().contains("<testsuite name=\"checklist.copyright\""), result.out());
    }

    @Test
    void aWaivedFindingPassesItsItemWithOwnerReasonAndExpiryAndAnExpiredWaiverSaysSo() throws Exception {
        Files.writeString(root.resolve("slk-waivers.yaml"), """
                waivers:
                  - rule: checklist.no-emotes
                    path: modules/half-done/README.md
                    owner: docs-team
                    reason: the smiley is the product's logo text
                    expires: 2027-01-31
                """);
        Clock december = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

        Slk.Result result = Slk.run(root, december, "checklist", "--module", "half-done", "--no-run", "--format", "json");
        JsonNode report = JSON.readTree(result.out());
        assertEquals("PASS", report.at("/facts/half-done.checklist.no-emotes").asText(), result.out());
        JsonNode waived = null;
        for (JsonNode f : report.path("findings")) {
            if (f.path("rule").asText().equals("checklist.no-emotes")) {
                waived = f;
            }
        }
        assertEquals("waived", waived.path("status").asText(), waived.toString());
        assertEquals("docs-team", waived.at("/acceptance/owner").asText());
        assertEquals("2027-01-31", waived.at("/acceptance/expires").asText());

        Slk.Result text = Slk.run(root, december, "checklist", "--module", "half-done", "--no-run");
        assertTrue(text.out().contains("[checklist.no-emotes] [module half-done] [waived until 2027-01-31 by docs-team"
                + " (slk-waivers.yaml:2:5): the smiley is the product's logo text]"), text.out());

        Clock february = Clock.fixed(Instant.parse("2027-02-01T12:00:00Z"), ZoneOffset.UTC);
        Slk.Result expired = Slk.run(root, february, "checklist", "--module", "half-done", "--no-run");
        assertTrue(expired.out().contains("FAIL  9      No emotes in code or documentation"), expired.out());
        assertTrue(expired.out().contains("(its waiver expired on 2027-01-31: slk-waivers.yaml:2:5)"), expired.out());
    }

    @Test
    void anUnknownModuleOrAMalformedIdIsAUsageError() {
        Slk.Result unknown = checklist("--module", "nope");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown module 'nope': there is no modules/nope (modules: half-done)"),
                unknown.err());
        assertEquals("", unknown.out());

        Slk.Result malformed = checklist("--module", "Bad_Id");
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.err().contains("is not a module id"), malformed.err());

        assertEquals(2, checklist().exitCode());
    }
}
