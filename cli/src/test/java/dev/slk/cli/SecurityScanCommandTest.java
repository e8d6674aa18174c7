package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.testing.ReportSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityScanCommandTest {
    @TempDir
    Path dir;

    /** A GitHub-shaped token built at run time, so this source holds none. */
    private static String githubToken(char fill) {
        return "gh" + "p_" + String.valueOf(fill).repeat(20) + "0123456789AbCdEf";
    }

    private void writeSecret(String file, String line) throws Exception {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, line);
    }

    @Test
    void theRepositoryScansClean() {
        Path repository = Path.of(System.getProperty("slk.workspace.dir", "..")).toAbsolutePath().normalize();
        Slk.Result r = Slk.run(repository, "security-scan", "--fail-on", "low");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("no findings fail at --fail-on low (0 below it"), r.out());
    }

    @Test
    void aHardCodedTokenFailsWithARedactedMatchAndAHint() throws Exception {
        String token = githubToken('q');
        writeSecret("src/App.java", "class App {\n    String t = \"" + token + "\";\n}\n");
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("src/App.java:2:17: error: GitHub token: 'ghp_...' (40 characters)"
                + " [github-token]\n    "), r.out());
        assertTrue(r.out().contains("1 finding fails at --fail-on medium"), r.out());
        assertFalse(r.out().contains(token.substring(0, 5)) || r.err().contains(token.substring(0, 5)), r.out());
    }

    @Test
    void jsonIsTheDocumentedReportWithItsExactShape() throws Exception {
        writeSecret("src/App.java", "class App {\n    String t = \"" + githubToken('q') + "\";\n}\n");
        writeSecret("t.py", "# slk-scan:ignore github-token revoked token kept as a test fixture\nT = '"
                + githubToken('z') + "'\n");
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        ObjectNode json = (ObjectNode) ReportSchemas.assertValidJsonReport(r.out());
        for (JsonNode finding : json.get("findings")) {
            assertTrue(finding.get("fingerprint").asText().matches("[0-9a-f]{32}"), finding.toString());
            ((ObjectNode) finding).remove("fingerprint");
            ((ObjectNode) finding).put("hint", "HINT");
        }
        json.put("version", "VERSION");
        assertTrue(json.at("/facts/seconds").isNumber());
        ((ObjectNode) json.get("facts")).put("seconds", 0);
        assertEquals(new ObjectMapper().readTree("""
                {
                  "reportVersion": 1,
                  "tool": "slk security-scan",
                  "command": "security-scan",
                  "version": "VERSION",
                  "passed": false,
                  "failOn": "medium",
                  "summary": {"findings": 2, "failing": 1, "belowThreshold": 0, "suppressed": 1, "baselined": 0, "waived": 0},
                  "facts": {"filesScanned": 2, "bytesScanned": 188, "binarySkipped": 0, "seconds": 0},
                  "findings": [
                    {"rule": "github-token", "severity": "high", "level": "error", "status": "failing",
                     "message": "GitHub token: 'ghp_...' (40 characters)", "hint": "HINT",
                     "location": {"file": "src/App.java", "line": 2, "column": 17},
                     "evidence": "'ghp_...' (40 characters)"},
                    {"rule": "github-token", "severity": "high", "level": "error", "status": "suppressed",
                     "message": "GitHub token: 'ghp_...' (40 characters)", "hint": "HINT",
                     "location": {"file": "t.py", "line": 2, "column": 6},
                     "evidence": "'ghp_...' (40 characters)",
                     "acceptance": {"kind": "suppressed", "reason": "revoked token kept as a test fixture"}}
                  ],
                  "notices": []
                }
                """), json, json.toPrettyString());
    }

    @Test
    void sarifValidatesAgainstTheSarifSchemaAndJUnitAgainstTheJUnitSchema() throws Exception {
        writeSecret("src/App.java", "class App {\n    String t = \"" + githubToken('q') + "\";\n}\n");
        Slk.Result sarif = Slk.run(dir, "security-scan", "--no-infra", "--format", "sarif");
        assertEquals(1, sarif.exitCode(), sarif.err());
        JsonNode run = ReportSchemas.assertValidSarif(sarif.out()).at("/runs/0");
        assertTrue(run.at("/tool/driver/rules").size() > 20, "the whole catalogue describes the rules");
        assertEquals("github-token", run.at("/results/0/ruleId").asText());
        assertEquals(2, run.at("/results/0/locations/0/physicalLocation/region/startLine").asInt());
        Slk.Result junit = Slk.run(dir, "security-scan", "--no-infra", "--format", "junit");
        assertEquals(1, junit.exitCode(), junit.err());
        ReportSchemas.assertValidJUnit(junit.out());
        assertTrue(junit.out().contains("<testcase classname=\"github-token\" name=\"src/App.java:2:17\">\n"
                + "      <failure type=\"high\""), junit.out());
        assertTrue(junit.out().contains("<testcase classname=\"jwt\" name=\"no findings\"/>"), junit.out());
        assertFalse(sarif.out().contains(githubToken('q').substring(0, 5)) || junit.out().contains(githubToken('q').substring(0, 5)));
    }

    @Test
    void failOnRaisesTheThreshold() throws Exception {
        writeSecret("a.env", "GITHUB_TOKEN=" + githubToken('y') + "\n");
        assertEquals(0, Slk.run(dir, "security-scan", "--no-infra", "--fail-on", "critical").exitCode());
        assertEquals(1, Slk.run(dir, "security-scan", "--no-infra", "--fail-on", "high").exitCode());
        Slk.Result bad = Slk.run(dir, "security-scan", "--fail-on", "severe");
        assertEquals(2, bad.exitCode());
        assertEquals("", bad.out());
        assertEquals("slk: error: Invalid value for option '--fail-on': 'severe' is not one of low, medium, high, "
                + "critical\nTry 'slk security-scan --help' for more information.\n", bad.err());
    }

    @Test
    void inlineSuppressionWithAReasonIsReportedAsSuppressed() throws Exception {
        writeSecret("t.py", "# slk-scan:ignore github-token revoked token kept as a test fixture\nT = '"
                + githubToken('z') + "'\n");
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--format", "json");
        assertEquals(0, r.exitCode(), r.out());
        JsonNode finding = new ObjectMapper().readTree(r.out()).at("/findings/0");
        assertEquals("suppressed", finding.get("status").asText());
        assertEquals("suppressed", finding.at("/acceptance/kind").asText());
        assertEquals("revoked token kept as a test fixture", finding.at("/acceptance/reason").asText());
    }

    @Test
    void baselineRoundTripFailsOnlyOnNewFindings() throws Exception {
        writeSecret("old.env", "TOKEN=" + githubToken('a') + "\n");
        Slk.Result update = Slk.run(dir, "security-scan", "--no-infra", "--baseline", "baseline.json", "--update-baseline");
        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.err().contains("accepts 1 finding(s)"), update.err());
        assertFalse(Files.readString(dir.resolve("baseline.json")).contains(githubToken('a').substring(0, 6)));

        // Lines move: still accepted.
        writeSecret("old.env", "# comment\n\nTOKEN=" + githubToken('a') + "\n");
        assertEquals(0, Slk.run(dir, "security-scan", "--no-infra", "--baseline", "baseline.json").exitCode());

        writeSecret("new.env", "TOKEN=" + githubToken('b') + "\n");
        Slk.Result withNew = Slk.run(dir, "security-scan", "--no-infra", "--baseline", "baseline.json",
                "--format", "sarif");
        assertEquals(1, withNew.exitCode());
        JsonNode results = new ObjectMapper().readTree(withNew.out()).at("/runs/0/results");
        assertEquals("new.env", results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("new", results.get(0).get("baselineState").asText());
        assertEquals("unchanged", results.get(1).get("baselineState").asText());
    }

    @Test
    void outputFileIsWrittenAndStdoutStaysEmpty() throws Exception {
        writeSecret("a.env", "TOKEN=" + githubToken('c') + "\n");
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--format", "sarif", "--output", "scan.sarif");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("report written to scan.sarif"), r.err());
        assertEquals("2.1.0", new ObjectMapper().readTree(dir.resolve("scan.sarif").toFile()).get("version").asText());
    }

    @Test
    void unusableInputIsExitTwo() throws Exception {
        Slk.Result missing = Slk.run(dir, "security-scan", "no-such-dir");
        assertEquals(2, missing.exitCode());
        assertEquals("slk: error: no-such-dir: no such file or directory\n", missing.err());
        Slk.Result trick = Slk.run(dir, "security-scan", "--module", "../etc");
        assertEquals(2, trick.exitCode());
        assertTrue(trick.err().startsWith("slk: error: --module '../etc' is not a module id"), trick.err());
        Slk.Result noModule = Slk.run(dir, "security-scan", "--module", "okta-logs");
        assertEquals(2, noModule.exitCode());
        Slk.Result noFile = Slk.run(dir, "security-scan", "--update-baseline");
        assertEquals(2, noFile.exitCode());
        Files.writeString(dir.resolve("bad.json"), "[1, 2");
        Slk.Result badBaseline = Slk.run(dir, "security-scan", "--no-infra", "--baseline", "bad.json");
        assertEquals(2, badBaseline.exitCode());
        assertTrue(badBaseline.err().startsWith("slk: error: bad.json: is not JSON"), badBaseline.err());
    }

    @Test
    void listRulesPrintsTheCatalogue() throws Exception {
        Slk.Result text = Slk.run(dir, "security-scan", "--list-rules");
        assertEquals(0, text.exitCode());
        assertTrue(text.out().contains("aws-access-key-id") && text.out().contains("infra-unencrypted-queue"), text.out());
        JsonNode json = new ObjectMapper().readTree(Slk.run(dir, "security-scan", "--list-rules", "--format", "json").out());
        assertTrue(json.size() >= 30, json.toString());
        json.forEach(rule -> assertTrue(rule.has("id") && rule.has("severity") && rule.has("description")
                && rule.has("hint")));
    }

    @Test
    void infrastructureRulesReadAnExistingCloudAssembly() throws Exception {
        Files.createDirectories(dir.resolve("cdk.out"));
        Files.writeString(dir.resolve("cdk.out/demo-prod.template.json"), """
                {
                  "Resources": {
                    "Topic": {
                      "Type": "AWS::SNS::Topic",
                      "Properties": {},
                      "Metadata": {"aws:cdk:path": "demo-prod/modules/okta-logs/Topic/Resource"}
                    }
                  }
                }
                """);
        Slk.Result r = Slk.run(dir, "security-scan", "--format", "json");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        JsonNode finding = new ObjectMapper().readTree(r.out()).at("/findings/0");
        assertEquals("infra-unencrypted-topic", finding.get("rule").asText());
        assertEquals("cdk.out/demo-prod.template.json", finding.at("/location/file").asText());
        assertEquals("okta-logs", finding.get("module").asText());
        assertEquals(3, finding.at("/location/line").asInt());
    }

    @Test
    void anOutputThatIsADirectoryIsOneLineAndExitTwo() throws Exception {
        Files.createDirectories(dir.resolve("reports"));
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--output", "reports");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("slk: error: reports: is a directory; name a file\n", r.err());
        assertEquals("", r.out());
        try (var files = Files.list(dir.resolve("reports"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void anOutputInAMissingDirectoryIsOneLineAndExitTwo() {
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--output", "/nonexistent/x.json");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("slk: error: /nonexistent/x.json: the directory /nonexistent does not exist\n", r.err());
    }

    @Test
    void aBaselineThatIsADirectoryIsOneLineAndExitTwo() throws Exception {
        Files.createDirectories(dir.resolve("base"));
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--baseline", "base", "--update-baseline");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("slk: error: base: is a directory; name a file\n", r.err());
    }

    @Test
    void aUserFileIsNeverReplacedByAReportOrABaseline() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "projectName: mine\n");
        Slk.Result report = Slk.run(dir, "security-scan", "--no-infra", "--output", "config.yaml");
        assertEquals(2, report.exitCode(), report.err());
        assertEquals("slk: error: config.yaml: exists and is not an slk security-scan report; slk will not "
                + "replace it (remove it or name another file)\n", report.err());
        Slk.Result baseline = Slk.run(dir, "security-scan", "--no-infra", "--baseline", "config.yaml",
                "--update-baseline");
        assertEquals(2, baseline.exitCode(), baseline.err());
        assertEquals("slk: error: config.yaml: exists and is not an slk security-scan baseline; slk will not "
                + "replace it (remove it or name another file)\n", baseline.err());
        assertEquals("projectName: mine\n", Files.readString(dir.resolve("config.yaml")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void anEarlierReportOfEveryFormatIsReplaced() throws Exception {
        for (String format : new String[] {"text", "json", "sarif", "junit"}) {
            assertEquals(0, Slk.run(dir, "security-scan", "--no-infra", "--format", format, "--output", "r").exitCode());
            Slk.Result again = Slk.run(dir, "security-scan", "--no-infra", "--format", format, "--output", "r");
            assertEquals(0, again.exitCode(), format + ": " + again.err());
        }
        assertTrue(Files.readString(dir.resolve("r")).contains("\"slk security-scan\""));
    }
}
