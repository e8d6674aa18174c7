package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertTrue(r.out().startsWith("src/App.java\n  2:17  high      github-token  "), r.out());
        assertTrue(r.out().contains("'ghp_...' (40 characters)"), r.out());
        assertTrue(r.out().contains("      hint: "), r.out());
        assertFalse(r.out().contains(token.substring(0, 5)) || r.err().contains(token.substring(0, 5)), r.out());
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
        assertTrue(finding.get("suppressed").asBoolean());
        assertEquals("revoked token kept as a test fixture", finding.get("suppressionReason").asText());
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
        assertEquals("cdk.out/demo-prod.template.json", finding.get("path").asText());
        assertEquals("okta-logs", finding.get("module").asText());
        assertEquals(3, finding.get("line").asInt());
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
        for (String format : new String[] {"text", "json", "sarif"}) {
            assertEquals(0, Slk.run(dir, "security-scan", "--no-infra", "--format", format, "--output", "r").exitCode());
            Slk.Result again = Slk.run(dir, "security-scan", "--no-infra", "--format", format, "--output", "r");
            assertEquals(0, again.exitCode(), format + ": " + again.err());
        }
        assertTrue(Files.readString(dir.resolve("r")).contains("\"slk security-scan\""));
    }
}
