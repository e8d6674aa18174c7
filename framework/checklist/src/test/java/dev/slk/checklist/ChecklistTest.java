package dev.slk.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.checklist.infra.Infrastructure;
import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.findings.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChecklistTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private ModuleChecklist run(FixtureModule fixture, boolean fix) throws Exception {
        ChecklistRequest request = new ChecklistRequest(fixture.paths(), fixture.registry(), List.of(FixtureModule.ID),
                ConfigReader.read(new ConfigSource.BundledExample()), fix, false, CLOCK,
                Infrastructure.existing(fixture.root.resolve("cdk.out"), "cdk.out"));
        return new Checklist(UnaryOperator.identity()).run(request).get(0);
    }

    private static Map<Item, Verdict> verdicts(ModuleChecklist checklist) {
        Map<Item, Verdict> verdicts = new EnumMap<>(Item.class);
        checklist.items().forEach(i -> verdicts.put(i.item(), i.verdict()));
        return verdicts;
    }

    @Test
    void aCompleteModulePassesEveryItemWithEvidence() throws Exception {
        ModuleChecklist checklist = run(new FixtureModule(temp), false);

        assertTrue(checklist.passed(), checklist.toString());
        checklist.items().forEach(i -> assertEquals(Verdict.PASS, i.verdict(), i.toString()));
        checklist.items().forEach(i -> assertTrue(!i.evidence().isEmpty(), i.toString()));
        assertEquals(List.of(Item.values()), checklist.items().stream().map(ItemResult::item).toList());
        String evidence = checklist.items().stream().flatMap(i -> i.evidence().stream()).collect(Collectors.joining("\n"));
        assertTrue(evidence.contains("discovered dev.fixture.FixtureModule through ServiceLoader"), evidence);
        assertTrue(evidence.contains("schema keys 3, documented 3"), evidence);
        assertTrue(evidence.contains("versions: class 1.2.0, CHANGELOG 1.2.0, pom.xml 1.2.0"), evidence);
        assertTrue(evidence.contains("modules checked: " + FixtureModule.ID), evidence);
        assertTrue(evidence.contains("invalid variants tried 8, rejected 8, with a message naming the key and a line 8"),
                evidence);
        assertTrue(evidence.contains("modules/fixture-events/src/lambda/poller: line coverage 90.0 % (90 of 100 lines)"),
                evidence);
        assertTrue(evidence.contains("iam-analyzer on cdk.out, as it is: 2 policies, 2 statements; 0 findings at"
                + " medium or above"), evidence);
        assertTrue(evidence.contains("slk synth with the module enabled wrote cdk.out, as it is; cdk-nag findings on the"
                + " module's resources: 0"), evidence);
        assertTrue(evidence.contains("modules/fixture-events/src/lambda/poller: LocalRunnerTest calls LocalRunner.main"
                + " (LocalRunnerTest.java:25) from 2 test methods; ran 3 tests, 0 failed, 1.3 s (limit 60 s)"), evidence);
        assertTrue(evidence.contains("modules/fixture-events/src/lambda/poller: Java files parsed 2, catch clauses 1,"
                + " handler PollerHandler"), evidence);
    }

    /** The defect fixture: one defect per item, each failing exactly its own item. */
    @ParameterizedTest
    @EnumSource(Item.class)
    void oneDefectFailsExactlyItsItem(Item item) throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        switch (item) {
            case MODULE_INTERFACE -> {
                fixture.module("src/main/java/dev/fixture/FixtureModule.java", "/*\n * " + FixtureModule.HEADER
                        + "\n */\n" + FixtureModule.source("1.2.0", "Fixture Events", ""));
                fixture.build();
            }
            case README -> fixture.module("README.md", FixtureModule.readme()
                    .replace("| `poller.enabled` | boolean | Whether. |", "| `poller.colour` | string | Which. |")
                    .replace("## Monitoring", "## Metrics"));
            case NO_EMOTES -> fixture.module("CHANGELOG.md", fixture.read("CHANGELOG.md").replace("- Paging.",
                    "- Paging, finally :)\n- Faster \uD83D\uDE80"));
            case COPYRIGHT -> fixture.module("config.example.yaml",
                    fixture.read("config.example.yaml").replace("# " + FixtureModule.HEADER + "\n", ""));
            case REGISTERED -> fixture.module("config.example.yaml",
                    fixture.read("config.example.yaml").replace("batchSize: 50", "batchSize: 500"));
            case PACKAGING -> fixture.module("CHANGELOG.md", fixture.read("CHANGELOG.md").replace("## 1.2.0", "## 1.1.0"));
            case CONFIG_VALIDATION -> {
                String schema = "src/main/resources/dev/fixture/config.schema.json";
                fixture.module(schema, fixture.read(schema).replaceFirst("\"additionalProperties\": false,\n", ""));
                fixture.build();
            }
            case ERROR_HANDLING -> fixture.module(FixtureModule.HANDLER, FixtureModule.handler(
                    "    private void close() {\n        try {\n            fetch(null);\n        } catch (Exception e) {\n"
                            + "            // nothing to do\n        }\n    }\n"));
            case POWERTOOLS -> fixture.module(FixtureModule.FUNCTION + "pom.xml", fixture.read(FixtureModule.FUNCTION
                    + "pom.xml").replace("powertools-logging-log4j", "log4j-core").replace("software.amazon.lambda",
                    "org.apache.logging.log4j"));
            case COVERAGE -> fixture.coverage(FixtureModule.FUNCTION, 50, 50);
            case LOCAL_RUNNER -> fixture.runnerReport(3, 1, "2.0");
            case IAM -> fixture.assembly("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}", "");
            case SECURITY_SCAN -> fixture.module("CHANGELOG.md", fixture.read("CHANGELOG.md").replace("- Paging.",
                    "- Paging with the token ghp_" + "Xq7Lm2Pz9Rt4Vw8Ks3Nb6Hc1Jd5Fg0Ya2Eu7"));
            case SYNTH -> fixture.assembly(FixtureModule.STATEMENT, "AwsSolutions-IAM5[Resource::*]: The IAM entity"
                    + " contains wildcard permissions");
        }

        ModuleChecklist checklist = run(fixture, false);

        Map<Item, Verdict> expected = new EnumMap<>(Item.class);
        for (Item each : Item.values()) {
            expected.put(each, each == item ? Verdict.FAIL : Verdict.PASS);
        }
        assertEquals(expected, verdicts(checklist), checklist.toString());
        ItemResult failed = checklist.items().stream().filter(i -> i.item() == item).findFirst().orElseThrow();
        switch (item) {
            // These items report the iam-analyzer's, the scan's and cdk-nag's own findings, so their waivers apply.
            case IAM -> assertTrue(failed.findings().stream().anyMatch(f -> f.ruleId().equals("iam-wildcard-action")
                    && FixtureModule.ID.equals(f.module())), failed.toString());
            case SECURITY_SCAN -> assertTrue(failed.findings().stream().anyMatch(f -> f.ruleId().equals("github-token")
                    && f.location().file().equals("modules/fixture-events/CHANGELOG.md")), failed.toString());
            case SYNTH -> assertTrue(failed.findings().stream().anyMatch(f -> f.ruleId().startsWith("AwsSolutions-IAM5")),
                    failed.toString());
            default -> assertTrue(failed.findings().stream().allMatch(f -> f.ruleId().equals(item.ruleId())
                    && FixtureModule.ID.equals(f.module())), failed.toString());
        }
    }

    @Test
    void aLocalRunnerResultOlderThanTheFunctionsSourcesIsAWarning() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        Path report = fixture.dir.resolve(FixtureModule.FUNCTION
                + "target/surefire-reports/TEST-dev.fixture.lambda.LocalRunnerTest.xml");
        java.nio.file.Files.setLastModifiedTime(report, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));

        ItemResult runner = run(fixture, false).items().stream().filter(i -> i.item() == Item.LOCAL_RUNNER)
                .findFirst().orElseThrow();

        assertEquals(Verdict.WARN, runner.verdict(), runner.toString());
        assertTrue(runner.findings().get(0).message().startsWith("the result of dev.fixture.lambda.LocalRunnerTest is"
                + " older than the sources of modules/fixture-events/src/lambda/poller"), runner.toString());
    }

    @Test
    void aRunnerTestThatNeverCallsTheRunnerFailsItemSevenAtTheTest() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        fixture.runnerTest("", """
                    @Test
                    void theHandlerAnswers() {
                        new PollerHandler().handleRequest("e", null);
                    }
                """);

        ModuleChecklist checklist = run(fixture, false);

        assertEquals(Verdict.FAIL, verdicts(checklist).get(Item.LOCAL_RUNNER), checklist.toString());
        assertEquals(List.of("modules/fixture-events/" + FixtureModule.RUNNER_TEST_FILE + ":8:0 "
                + "modules/fixture-events/src/lambda/poller: LocalRunnerTest never calls LocalRunner.main, so it does not"
                + " run the runner"), messages(checklist, Item.LOCAL_RUNNER));
    }

    @Test
    void aRunnerCallThatNoTestMethodReachesDoesNotCount() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        fixture.runnerTest("", """
                    @Test
                    void theHandlerAnswers() {
                        new PollerHandler().handleRequest("e", null);
                    }

                    static void unused() {
                        LocalRunner.main(new String[0]);
                    }
                """);

        List<String> messages = messages(run(fixture, false), Item.LOCAL_RUNNER);

        assertEquals(List.of("modules/fixture-events/" + FixtureModule.RUNNER_TEST_FILE + ":15:0 "
                + "modules/fixture-events/src/lambda/poller: LocalRunnerTest calls LocalRunner.main at line 15, but no"
                + " test method reaches that call"), messages);
    }

    @Test
    void aTestThatCallsTheMethodMainDelegatesToThroughAStaticImportRunsTheRunner() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        fixture.module(FixtureModule.RUNNER, "/*\n * " + FixtureModule.HEADER + "\n */\n"
                + "package dev.fixture.lambda;\n\npublic final class LocalRunner {\n"
                + "    public static void main(String[] args) {\n        System.exit(run(args));\n    }\n\n"
                + "    static int run(String[] args) {\n        new PollerHandler().handleRequest(null, null);\n"
                + "        return 0;\n    }\n}\n");
        fixture.runnerTest("import static dev.fixture.lambda.LocalRunner.run;\n", """
                    @Test
                    void runsOnce() {
                        org.junit.jupiter.api.Assertions.assertEquals(0, run(new String[0]));
                    }
                """);
        fixture.runnerReport(1, 0, "0.5");

        ItemResult runner = run(fixture, false).items().get(Item.LOCAL_RUNNER.ordinal());

        assertEquals(Verdict.PASS, runner.verdict(), runner.toString());
        assertEquals(List.of("modules/fixture-events/src/lambda/poller: LocalRunnerTest calls LocalRunner.run (LocalRunnerTest.java:12)"
                + " from 1 test method; ran 1 tests, 0 failed, 0.5 s (limit 60 s)"), runner.evidence());
    }

    @Test
    void aRunnerWithoutATestSourceFailsItemSeven() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        Files.delete(fixture.dir.resolve(FixtureModule.RUNNER_TEST_FILE));

        List<String> messages = messages(run(fixture, false), Item.LOCAL_RUNNER);

        assertEquals(List.of("modules/fixture-events/" + FixtureModule.RUNNER + ":0:0 modules/fixture-events/src/lambda/"
                + "poller: no modules/fixture-events/" + FixtureModule.RUNNER_TEST_FILE + " (the test that runs LocalRunner"
                + " without AWS): add it"), messages);
    }

    @Test
    void readmeFindingsNameTheMissingAndTheUnknownKeysAndTheSection() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        fixture.module("README.md", FixtureModule.readme()
                .replace("| `poller.enabled` | boolean | Whether. |", "| `poller.colour` | string | Which. |")
                .replace("## Monitoring", "## Metrics"));

        List<String> messages = messages(run(fixture, false), Item.README);

        assertTrue(messages.contains("modules/fixture-events/README.md:0:0 schema key poller.enabled"
                + " (modules/fixture-events/src/main/resources/dev/fixture/config.schema.json) is not documented in the README"),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.matches("modules/fixture-events/README.md:3\\d:1 the README documents"
                + " key poller.colour, which config.schema.json does not have")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.endsWith("the README has no 'monitoring' section (a heading containing"
                + " the word)")), messages.toString());
    }

    /** A fixture whose config has a list of pollers: an array of objects, as google-scc's pubsubPollers. */
    private static FixtureModule withPollers(FixtureModule fixture, String readmeRows, String readmeItem) throws Exception {
        String schema = "src/main/resources/dev/fixture/config.schema.json";
        fixture.module(schema, fixture.read(schema).replace("    \"poller\": {", "    \"pollers\": {\"type\": \"array\","
                + " \"items\": {\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"name\"],"
                + " \"properties\": {\"name\": {\"type\": \"string\"},"
                + " \"timeout\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 900}}}},\n    \"poller\": {"));
        fixture.module("config.example.yaml", fixture.read("config.example.yaml")
                + "      pollers:\n        - name: first\n          timeout: 60\n");
        fixture.module("README.md", FixtureModule.readme()
                .replace("        batchSize: 50\n```", "        batchSize: 50\n      pollers:\n" + readmeItem + "```")
                .replace("| `poller.enabled` | boolean | Whether. |", "| `poller.enabled` | boolean | Whether. |\n" + readmeRows));
        fixture.build();
        return fixture;
    }

    @Test
    void theKeysOfAnArraysItemsAreSchemaKeysDocumentedAndVariedLikeAnyOther() throws Exception {
        FixtureModule fixture = withPollers(new FixtureModule(temp), "| `pollers` | array | The pollers. |\n"
                + "| `pollers.name` | string | Its name. |\n| `pollers.timeout` | integer | Seconds. |",
                "        - name: first\n          timeout: 60\n");

        ModuleChecklist checklist = run(fixture, false);

        checklist.items().forEach(i -> assertEquals(Verdict.PASS, i.verdict(), i.toString()));
        String evidence = checklist.items().stream().flatMap(i -> i.evidence().stream()).collect(Collectors.joining("\n"));
        assertTrue(evidence.contains("schema keys 5, documented 5"), evidence);
        assertTrue(evidence.contains("README Configuration keys 7, unknown to the schema []"), evidence);
        // 8 as before, plus pollers.name removed, three wrong types and timeout's two bounds, in the first item.
        assertTrue(evidence.contains("invalid variants tried 14, rejected 14, with a message naming the key and a line 14"),
                evidence);
    }

    @Test
    void anUndocumentedKeyOfAnArraysItemsIsMissingFromTheReadme() throws Exception {
        FixtureModule fixture = withPollers(new FixtureModule(temp), "| `pollers.name` | string | Its name. |",
                "        - name: first\n");

        List<String> messages = messages(run(fixture, false), Item.README);

        assertEquals(List.of("modules/fixture-events/README.md:0:0 schema key pollers.timeout"
                + " (modules/fixture-events/src/main/resources/dev/fixture/config.schema.json) is not documented in the README"),
                messages);
    }

    @Test
    void emotesAreReportedWithTheirLineAndColumn() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        fixture.module("CHANGELOG.md", fixture.read("CHANGELOG.md").replace("- Paging.", "- Paging :)\n- Fast \u2728"));

        List<String> messages = messages(run(fixture, false), Item.NO_EMOTES);

        assertEquals(List.of("modules/fixture-events/CHANGELOG.md:6:10 emoticon ':)' in modules/fixture-events/CHANGELOG.md",
                "modules/fixture-events/CHANGELOG.md:7:8 emoji U+2728 in modules/fixture-events/CHANGELOG.md"), messages);
    }

    @Test
    void fixAddsEachMissingHeaderInItsFilesCommentSyntaxAndThenTheItemPasses() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        String h = FixtureModule.HEADER;
        fixture.module("config.example.yaml", fixture.read("config.example.yaml").replace("# " + h + "\n", ""));
        fixture.module("pom.xml", fixture.read("pom.xml").replace("<!-- " + h + " -->\n", ""));
        fixture.module("README.md", fixture.read("README.md").replace("<!-- " + h + " -->\n", ""));
        String schema = "src/main/resources/dev/fixture/config.schema.json";
        fixture.module(schema, fixture.read(schema).replace("  \"$comment\": \"" + h + "\",\n", ""));
        String java = "src/main/java/dev/fixture/FixtureModule.java";
        fixture.module(java, fixture.read(java).replace("/*\n * " + h + "\n */\n", ""));
        fixture.module("src/main/resources/META-INF/services/dev.slk.spi.IntegrationModule", "dev.fixture.FixtureModule\n");
        fixture.module("local.sh", "#!/bin/sh\necho run\n");

        assertEquals(Verdict.FAIL, verdicts(run(fixture, false)).get(Item.COPYRIGHT));
        ModuleChecklist fixed = run(fixture, true);

        assertEquals(Verdict.PASS, verdicts(fixed).get(Item.COPYRIGHT), fixed.toString());
        assertTrue(fixed.items().get(Item.COPYRIGHT.ordinal()).evidence().get(0).contains("headers added 7"),
                fixed.toString());
        assertTrue(fixture.read("config.example.yaml").startsWith("# " + h + "\nintegrations:"));
        assertTrue(fixture.read("pom.xml").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- " + h + " -->\n<project>"));
        assertTrue(fixture.read("README.md").startsWith("<!-- " + h + " -->\n# Fixture events"));
        assertTrue(fixture.read(java).startsWith("/*\n * " + h + "\n */\npackage dev.fixture;"));
        assertTrue(fixture.read("local.sh").startsWith("#!/bin/sh\n# " + h + "\necho run"));
        assertEquals(h, new ObjectMapper().readTree(fixture.read(schema)).path("$comment").asText());
        assertEquals(Verdict.PASS, verdicts(run(fixture, false)).get(Item.COPYRIGHT));
        assertTrue(Files.list(fixture.dir).noneMatch(p -> p.toString().endsWith(".slk-tmp")));
    }

    @Test
    void aCoverageReportOlderThanItsSourcesIsAWarning() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        Files.setLastModifiedTime(fixture.dir.resolve(FixtureModule.HANDLER),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 7_200_000));

        ModuleChecklist checklist = run(fixture, false);

        assertEquals(Verdict.WARN, verdicts(checklist).get(Item.COVERAGE), checklist.toString());
        assertEquals(List.of("modules/fixture-events/src/lambda/poller/target/site/jacoco/jacoco.csv:0:0 the JaCoCo report"
                + " of modules/fixture-events/src/lambda/poller is older than its sources: run the checklist without"
                + " --no-run"), messages(checklist, Item.COVERAGE));
        assertTrue(checklist.passed());
    }

    @Test
    void errorHandlingRulesEachReportTheirLine() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        fixture.module(FixtureModule.HANDLER, FixtureModule.handler(
                "    private void a() {\n        try { fetch(null); } catch (IllegalStateException e) { }\n    }\n"
                        + "    private void b() {\n        try { fetch(null); } catch (Throwable t) { count++; }\n    }\n"
                        + "    private void c() {\n        try { fetch(null); } catch (Exception e) { LOG.error(\"c\", e); }\n    }\n"));

        List<String> messages = messages(run(fixture, false), Item.ERROR_HANDLING);

        String file = "modules/fixture-events/" + FixtureModule.HANDLER;
        assertEquals(List.of(file + ":25:30 empty catch block of IllegalStateException: handle, record or rethrow the failure",
                file + ":28:30 catch of Throwable neither rethrows nor records the failure (a logged error, a batch item"
                        + " failure or a metric)"), messages);
    }

    @Test
    void aHandlerThatNeverThrowsNorReportsBatchFailuresFails() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        fixture.module(FixtureModule.HANDLER, FixtureModule.handler("").replace(
                "LOG.error(\"poll failed\", e);\n            throw new IllegalStateException(\"poll failed\", e);",
                "LOG.error(\"poll failed\", e);\n            return null;"));

        List<String> messages = messages(run(fixture, false), Item.ERROR_HANDLING);

        assertEquals(List.of("modules/fixture-events/" + FixtureModule.HANDLER + ":10:1 handler PollerHandler neither"
                + " throws nor returns a batch response, so a failed run would count as a success"), messages);
    }

    @Test
    void aFunctionOnTheLambdaKitPassesErrorHandlingAndPowertools() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        fixture.module(FixtureModule.FUNCTION + "pom.xml", fixture.read(FixtureModule.FUNCTION + "pom.xml")
                .replace("software.amazon.lambda</groupId>\n      <artifactId>powertools-logging-log4j",
                        "dev.slk</groupId>\n      <artifactId>slk-lambda-kit"));
        fixture.module(FixtureModule.HANDLER, FixtureModule.handler("")
                .replace("import software.amazon.lambda.powertools.logging.PowertoolsLogging;",
                        "import dev.slk.lambda.kit.ModuleLogging;")
                .replace("PowertoolsLogging.withLogging(context, () -> poll(event))",
                        "ModuleLogging.handle(\"fixture-events\", context, () -> poll(event))")
                .replace("LOG.error(\"poll failed\", e);\n            throw new IllegalStateException(\"poll failed\", e);",
                        "LOG.error(\"poll failed\", e);\n            return null;")
                .replace("return fetch(event);", "return sender.send(fetch(event)).orThrow().toString();"));

        Map<Item, Verdict> verdicts = verdicts(run(fixture, false));

        assertEquals(Verdict.PASS, verdicts.get(Item.ERROR_HANDLING), messages(run(fixture, false), Item.ERROR_HANDLING)
                .toString());
        assertEquals(Verdict.PASS, verdicts.get(Item.POWERTOOLS), messages(run(fixture, false), Item.POWERTOOLS)
                .toString());
    }

    @Test
    void aModuleWithoutFunctionsHasNoLambdaItems() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        deleteTree(fixture.dir.resolve("src/lambda"));

        Map<Item, Verdict> verdicts = verdicts(run(fixture, false));

        assertEquals(Verdict.NOT_APPLICABLE, verdicts.get(Item.ERROR_HANDLING));
        assertEquals(Verdict.NOT_APPLICABLE, verdicts.get(Item.POWERTOOLS));
        assertEquals(Verdict.NOT_APPLICABLE, verdicts.get(Item.LOCAL_RUNNER));
        assertEquals(Verdict.PASS, verdicts.get(Item.COVERAGE));
    }

    @Test
    void aModuleThatIsNotBuiltFailsItemOneWithTheBuildCommand() throws Exception {
        FixtureModule fixture = new FixtureModule(temp);
        deleteTree(fixture.dir.resolve("target"));

        List<String> messages = messages(run(fixture, false), Item.MODULE_INTERFACE);

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("the module is not built, so ServiceLoader cannot find it (build it with:"
                + " mvn -B -ntp package -pl modules/fixture-events -am)"), messages.toString());
    }

    private static List<String> messages(ModuleChecklist checklist, Item item) {
        return checklist.items().get(item.ordinal()).findings().stream().map(ChecklistTest::line).toList();
    }

    private static String line(Finding f) {
        return f.location().file() + ":" + f.location().line() + ":" + f.location().column() + " " + f.message();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
