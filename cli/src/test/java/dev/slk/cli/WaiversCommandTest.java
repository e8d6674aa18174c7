package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.testing.Configs;
import dev.slk.core.testing.ReportSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waiver ledger through every checking command and slk waivers, on a clock the tests set. */
class WaiversCommandTest {
    private static final Clock DEC_6 = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    private static final Clock FEB_1 = Clock.fixed(Instant.parse("2027-02-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A GitHub-shaped token built at run time, so this source holds none. */
    private static String githubToken() {
        return "gh" + "p_" + "w".repeat(20) + "0123456789AbCdEf";
    }

    private void write(String file, String text) throws Exception {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private void fixtureWithWaiver(String extraWaivers) throws Exception {
        write("src/test/Fixture.java", "class Fixture {\n    String t = \"" + githubToken() + "\";\n}\n");
        write("slk-waivers.yaml", """
                waivers:
                  - rule: github-token
                    path: src/test/**
                    owner: security-team
                    reason: fixture token, revoked at GitHub
                    expires: 2027-01-31
                """ + extraWaivers);
    }

    @Test
    void anActiveWaiverAcceptsTheScanFindingInTextAndJson() throws Exception {
        fixtureWithWaiver("");
        Slk.Result r = Slk.run(dir, DEC_6, "security-scan", "--no-infra");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("src/test/Fixture.java:2:17: error: GitHub token: 'ghp_...' (40 characters)"
                + " [github-token] [waived until 2027-01-31 by security-team (slk-waivers.yaml:2:5): fixture token,"
                + " revoked at GitHub]\n"), r.out());
        assertTrue(r.out().contains("no findings fail at --fail-on medium (0 below it, 0 suppressed, 0 baselined,"
                + " 1 waived)"), r.out());

        Slk.Result json = Slk.run(dir, DEC_6, "security-scan", "--no-infra", "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode report = ReportSchemas.assertValidJsonReport(json.out());
        assertEquals("waived", report.at("/findings/0/status").asText());
        assertEquals("security-team", report.at("/findings/0/acceptance/owner").asText());
        assertEquals("2027-01-31", report.at("/findings/0/acceptance/expires").asText());
        assertEquals("slk-waivers.yaml", report.at("/facts/waivers").asText());
        assertEquals(1, report.at("/summary/waived").asInt());
        JsonNode sarif = ReportSchemas.assertValidSarif(
                Slk.run(dir, DEC_6, "security-scan", "--no-infra", "--format", "sarif").out());
        assertEquals("fixture token, revoked at GitHub",
                sarif.at("/runs/0/results/0/suppressions/0/justification").asText());
    }

    @Test
    void anExpiredWaiverStopsAcceptingAndTheFindingSaysWhen() throws Exception {
        fixtureWithWaiver("");
        Slk.Result r = Slk.run(dir, FEB_1, "security-scan", "--no-infra");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("src/test/Fixture.java:2:17: error: GitHub token: 'ghp_...' (40 characters)"
                + " (its waiver expired on 2027-01-31: slk-waivers.yaml:2:5) [github-token]\n"), r.out());
    }

    @Test
    void anOrphanedWaiverWarnsAndFailsWithStrict() throws Exception {
        fixtureWithWaiver("""
                  - rule: jwt
                    path: docs/**
                    owner: docs-team
                    reason: sample tokens in the documentation
                    expires: 2027-01-31
                """);
        Slk.Result r = Slk.run(dir, DEC_6, "security-scan", "--no-infra");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("notice: slk-waivers.yaml:7:5: warning: orphaned waiver (rule jwt, path docs/**,"
                + " owner docs-team) matches no finding; remove it (--strict fails on it)\n"), r.out());

        Slk.Result strict = Slk.run(dir, DEC_6, "security-scan", "--no-infra", "--strict");
        assertEquals(1, strict.exitCode(), strict.out() + strict.err());
        assertTrue(strict.out().contains("slk-waivers.yaml:7:5: error: orphaned waiver (rule jwt, path docs/**, owner"
                + " docs-team) matches no finding [waiver-orphaned]\n"), strict.out());

        Slk.Result onePath = Slk.run(dir, DEC_6, "security-scan", "--strict", "src");
        assertEquals(0, onePath.exitCode(), "a scan of some paths orphans nothing: " + onePath.out());
    }

    @Test
    void aMalformedLedgerStopsEveryCheckingCommandWithEachProblemAtItsLine() throws Exception {
        write("config.yaml", Configs.MINIMAL);
        write("slk-waivers.yaml", """
                waivers:
                  - rule: github-token
                    path: src/**
                    owner: security-team
                    reason: later
                    expires: 2027-13-01
                """);
        for (String command : List.of("security-scan", "validate-config", "waivers")) {
            Slk.Result r = Slk.run(dir, DEC_6, command);
            assertEquals(2, r.exitCode(), command + ": " + r.out() + r.err());
            assertEquals("", r.out(), command);
            assertEquals("slk: error: slk-waivers.yaml:5:13: 'reason' must have at least 10 characters\n"
                    + "slk: error: slk-waivers.yaml:6:14: 'expires' is '2027-13-01', which is not a valid date\n",
                    r.err(), command);
        }
    }

    @Test
    void aLedgerThatNamesASecretValueIsRefusedAndTheValueIsNotPrinted() throws Exception {
        String token = githubToken();
        write("slk-waivers.yaml", "waivers:\n  - rule: github-token\n    path: src/**\n    owner: me\n"
                + "    reason: the token is " + token + ", to be sure\n    expires: 2027-01-31\n");
        Slk.Result r = Slk.run(dir, DEC_6, "security-scan", "--no-infra");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("slk: error: slk-waivers.yaml:5:26: a waiver never carries a secret value, and"
                + " this line holds one (GitHub token: 'ghp_...' (40 characters))"), r.err());
        assertFalse((r.out() + r.err()).contains(token.substring(0, 6)), r.err());
    }

    @Test
    void validateConfigHonoursWaiversOfItsOwnRulesAndLeavesTheOtherCommandsWaiversAlone() throws Exception {
        write("config.yaml", Configs.MINIMAL.replace("awsRegion: us-east-1", "awsRegion: us-east-1\nfoo: 1"));
        Slk.Result before = Slk.run(dir, DEC_6, "validate-config");
        assertEquals(1, before.exitCode(), before.out());
        write("slk-waivers.yaml", """
                waivers:
                  - rule: schema.additionalProperties
                    path: config.yaml
                    owner: platform-team
                    reason: foo is read by our own deploy wrapper
                    expires: 2027-01-31
                  - rule: github-token
                    path: src/**
                    owner: security-team
                    reason: the scan answers for this one
                    expires: 2027-01-31
                  - rule: iam-wildcard-action
                    module: okta-logs
                    owner: security-team
                    reason: the iam-analyzer answers for this one
                    expires: 2027-01-31
                  - rule: checklist.no-emotes
                    path: modules/okta-logs/README.md
                    owner: docs-team
                    reason: the checklist answers for this one
                    expires: 2027-01-31
                """);
        Slk.Result after = Slk.run(dir, DEC_6, "validate-config", "--strict");
        assertEquals(0, after.exitCode(), after.out() + after.err());
        assertTrue(after.out().contains("[schema.additionalProperties] [waived until 2027-01-31 by platform-team"),
                after.out());
        assertTrue(after.out().endsWith("config.yaml: valid (0 errors, 0 warnings, 1 waived; modules checked: none)\n"),
                after.out());
        assertFalse(after.out().contains("orphaned"),
                "the scan's, the iam-analyzer's and the checklist's waivers are not validate-config's to orphan");
    }

    @Test
    void slkWaiversListsEachEntrysStateInTextAndJson() throws Exception {
        write("config.yaml", Configs.MINIMAL);
        fixtureWithWaiver("""
                  - rule: jwt
                    path: docs/**
                    owner: docs-team
                    reason: sample tokens in the documentation
                    expires: 2027-03-01
                  - rule: github-token
                    path: src/**
                    owner: security-team
                    reason: the broader waiver, renewed later
                    expires: 2027-05-01
                  - rule: github-token
                    fingerprint: "0123456789abcdef0123456789abcdef"
                    owner: security-team
                    reason: an old finding, expired already
                    expires: 2026-12-01
                """);
        Slk.Result r = Slk.run(dir, DEC_6, "waivers");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("slk-waivers.yaml:2:5: active   rule github-token, path src/test/**, owner"
                + " security-team, expires 2027-01-31 (in 56 days), 1 finding: fixture token"), lines.get(0));
        assertTrue(lines.get(1).startsWith("slk-waivers.yaml:7:5: orphaned rule jwt"), lines.get(1));
        assertTrue(lines.get(2).startsWith("slk-waivers.yaml:12:5: active   rule github-token, path src/**"), lines.get(2));
        assertTrue(lines.get(3).startsWith("slk-waivers.yaml:17:5: orphaned rule github-token, fingerprint"), lines.get(3));
        assertEquals("slk-waivers.yaml: 4 waivers (2 active, 0 expiring, 0 expired, 2 orphaned) on 2026-12-06",
                lines.get(4));

        Slk.Result later = Slk.run(dir, Clock.fixed(Instant.parse("2027-01-10T00:00:00Z"), ZoneOffset.UTC),
                "waivers", "--format", "json");
        assertEquals(0, later.exitCode(), later.err());
        JsonNode json = new ObjectMapper().readTree(later.out());
        assertEquals("2027-01-10", json.get("today").asText());
        assertEquals("expiring", json.at("/waivers/0/state").asText());
        assertEquals(21, json.at("/waivers/0/daysLeft").asInt());
        assertEquals(1, json.at("/waivers/0/matched").asInt());
        assertEquals("src/test/**", json.at("/waivers/0/path").asText());
        assertEquals("orphaned", json.at("/waivers/1/state").asText());

        Slk.Result expired = Slk.run(dir, FEB_1, "waivers", "--format", "json");
        assertEquals("expired", new ObjectMapper().readTree(expired.out()).at("/waivers/0/state").asText());
    }

    @Test
    void slkWaiversCountsTheIamAnalyzersFindingsInCdkOutAndTheChecklistsFindings() throws Exception {
        write("config.yaml", Configs.MINIMAL);
        write("cdk.out/manifest.json", "{\"version\": \"48.0.0\", \"artifacts\": {\"Stack\": {\"type\": "
                + "\"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"Stack.template.json\"}}}}\n");
        write("cdk.out/Stack.template.json", """
                {"Resources": {"PollerRole": {"Type": "AWS::IAM::Role", "Properties": {
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                  "Policies": [{"PolicyName": "All", "PolicyDocument": {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]},
                  "Metadata": {"aws:cdk:path": "Stack/modules/okta-logs/PollerRole/Resource"}}}}
                """);
        write("modules/half-done/pom.xml", "<project><version>1.0.0</version></project>\n");
        write("modules/half-done/README.md", "# Half done :)\n");
        write("slk-waivers.yaml", """
                waivers:
                  - rule: iam-wildcard-action
                    module: okta-logs
                    owner: security-team
                    reason: the poller's role is narrowed in the next release
                    expires: 2027-01-31
                  - rule: checklist.no-emotes
                    path: modules/half-done/README.md
                    owner: docs-team
                    reason: the smiley is the product's logo text
                    expires: 2027-01-31
                """);

        Slk.Result r = Slk.run(dir, DEC_6, "waivers");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("slk-waivers.yaml:2:5: active   rule iam-wildcard-action, module okta-logs"),
                r.out());
        assertTrue(lines.get(0).contains(", 1 finding: "), r.out());
        assertTrue(lines.get(1).startsWith("slk-waivers.yaml:7:5: active   rule checklist.no-emotes, path"
                + " modules/half-done/README.md"), r.out());
        assertTrue(lines.get(1).contains(", 1 finding: "), r.out());
    }

    @Test
    void withoutALedgerNothingChanges() throws Exception {
        write("src/App.java", "class App {}\n");
        Slk.Result r = Slk.run(dir, DEC_6, "waivers");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("slk-waivers.yaml: 0 waivers (0 active, 0 expiring, 0 expired, 0 orphaned) on 2026-12-06\n",
                r.out());
        assertEquals(0, Slk.run(dir, DEC_6, "security-scan", "--no-infra", "--strict").exitCode());
    }
}
