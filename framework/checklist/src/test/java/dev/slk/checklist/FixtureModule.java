package dev.slk.checklist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.workspace.Workspace;
import dev.slk.core.workspace.WorkspaceModules;
import dev.slk.core.workspace.WorkspacePaths;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * A workspace with one complete module, {@code fixture-events}, built as its build would build
 * it (class compiled into target/classes, ServiceLoader registration, schema next to the class),
 * which passes every item; tests then give it defects.
 */
final class FixtureModule {
    static final String ID = "fixture-events";
    static final String HOLDER = "the fixture authors";
    static final String HEADER = "Copyright (c) 2026 " + HOLDER;

    final Path root;
    final Path dir;

    FixtureModule(Path root) throws IOException {
        this.root = root;
        this.dir = root.resolve("modules").resolve(ID);
        write("slk-workspace.properties", "modules.dir=modules\ncopyright.holder=" + HOLDER + "\n");
        write("pom.xml", "<project><modules><module>modules</module></modules></project>\n");
        write("modules/pom.xml", "<project><modules><module>" + ID + "</module></modules></project>\n");
        module("pom.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- " + HEADER + " -->\n<project>\n"
                + "  <parent><groupId>dev.slk</groupId><artifactId>slk-modules</artifactId><version>0.1.0</version></parent>\n"
                + "  <artifactId>" + ID + "</artifactId>\n  <version>1.2.0</version>\n"
                + "  <dependencies><dependency><version>9.9.9</version></dependency></dependencies>\n</project>\n");
        module("CHANGELOG.md", "<!-- " + HEADER + " -->\n# Changelog\n\n## 1.2.0\n\n- Paging.\n\n## 1.0.0\n\n- First.\n");
        module("README.md", readme());
        module("config.example.yaml", "# " + HEADER + "\nintegrations:\n  " + ID + ":\n    enabled: true\n"
                + "    config:\n      sourceUrl: https://api.example.com/events\n      poller:\n        batchSize: 50\n");
        module("src/main/resources/dev/fixture/config.schema.json", "{\n  \"$comment\": \"" + HEADER + "\",\n"
                + "  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"required\": [\"sourceUrl\"],\n"
                + "  \"properties\": {\n    \"sourceUrl\": {\"type\": \"string\", \"pattern\": \"^https://\"},\n"
                + "    \"poller\": {\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\n"
                + "      \"batchSize\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 100},\n"
                + "      \"enabled\": {\"type\": \"boolean\"}\n    }}\n  }\n}\n");
        module("src/main/resources/" + WorkspaceModules.SERVICES, "# " + HEADER + "\ndev.fixture.FixtureModule\n");
        module("src/main/java/dev/fixture/FixtureModule.java", "/*\n * " + HEADER + "\n */\n" + source("1.2.0",
                "Fixture Events", "Polls the fixture source for events"));
        function();
        build();
        assembly(STATEMENT, "");
    }

    /** The module's one least-privilege statement: send to the core's queue. */
    static final String STATEMENT = "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", "
            + "\"Resource\": {\"Fn::GetAtt\": [\"EventQueue\", \"Arn\"]}}";

    /**
     * A synthesized cloud assembly, as slk synth writes it: the core's queue and the module's role
     * (construct paths under {@code modules/<id>}), with cdk-nag's messages in the manifest.
     *
     * @param statement the module role's one policy statement
     * @param nagMessage a cdk-nag warning on the module's role, or ""
     */
    void assembly(String statement, String nagMessage) throws IOException {
        String rolePath = "/Stack/modules/" + ID + "/PollerRole/Resource";
        String metadata = "\"" + rolePath + "\": [{\"type\": \"aws:cdk:logicalId\", \"data\": \"PollerRole\"}"
                + (nagMessage.isEmpty() ? "" : ", {\"type\": \"aws:cdk:warning\", \"data\": \"" + nagMessage + "\"}")
                + "]";
        write("cdk.out/manifest.json", "{\"version\": \"48.0.0\", \"artifacts\": {\"Stack\": {\"type\": "
                + "\"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"Stack.template.json\"}, "
                + "\"metadata\": {" + metadata + "}}}}\n");
        write("cdk.out/Stack.template.json", "{\"Resources\": {\n"
                + "  \"EventQueue\": {\"Type\": \"AWS::SQS::Queue\", \"Properties\": {\"SqsManagedSseEnabled\": true},"
                + " \"Metadata\": {\"aws:cdk:path\": \"Stack/EventQueue/Resource\"}},\n"
                + "  \"PollerRole\": {\"Type\": \"AWS::IAM::Role\", \"Properties\": {\n"
                + "    \"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]},\n"
                + "    \"Policies\": [{\"PolicyName\": \"Send\", \"PolicyDocument\": {\"Version\": \"2012-10-17\","
                + " \"Statement\": [" + statement + "]}}]},\n"
                + "    \"Metadata\": {\"aws:cdk:path\": \"Stack/modules/" + ID + "/PollerRole/Resource\"}}\n}}\n");
    }

    static final String FUNCTION = "src/lambda/poller/";
    static final String HANDLER = FUNCTION + "src/main/java/dev/fixture/lambda/PollerHandler.java";

    /** A Java Lambda function with a handler, a local runner and their build results. */
    private void function() throws IOException {
        module(FUNCTION + "pom.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- " + HEADER + " -->\n<project>\n"
                + "  <artifactId>" + ID + "-poller</artifactId>\n  <dependencies>\n    <dependency>\n"
                + "      <groupId>software.amazon.lambda</groupId>\n      <artifactId>powertools-logging-log4j</artifactId>\n"
                + "    </dependency>\n  </dependencies>\n</project>\n");
        module(HANDLER, handler(""));
        module(RUNNER, "/*\n * " + HEADER + "\n */\n"
                + "package dev.fixture.lambda;\n\npublic final class LocalRunner {\n"
                + "    public static void main(String[] args) {\n        new PollerHandler().handleRequest(null, null);\n    }\n}\n");
        runnerTest("", RUNNER_TEST);
        runnerReport(3, 0, "1.25");
        coverage(FUNCTION, 90, 10);
        coverage("", 40, 5);
    }

    static final String RUNNER = FUNCTION + "src/main/java/dev/fixture/lambda/LocalRunner.java";
    static final String RUNNER_TEST_FILE = FUNCTION + "src/test/java/dev/fixture/lambda/LocalRunnerTest.java";

    /** The runner's test: two test methods run the runner through a helper, one checks a part of it. */
    static final String RUNNER_TEST = """
                @Test
                void runsOnce() {
                    run("--once");
                }

                @Test
                void printsTheUsage() {
                    run("--help");
                }

                @Test
                void theHandlerAnswers() {
                    new PollerHandler().handleRequest("e", null);
                }

                private static void run(String... args) {
                    LocalRunner.main(args);
                }
            """;

    /**
     * Writes the runner's test source.
     *
     * @param imports import lines after the JUnit one
     * @param body the class body
     */
    void runnerTest(String imports, String body) throws IOException {
        module(RUNNER_TEST_FILE, "/*\n * " + HEADER + "\n */\npackage dev.fixture.lambda;\n\n"
                + "import org.junit.jupiter.api.Test;\n" + imports + "\nclass LocalRunnerTest {\n" + body + "}\n");
    }

    static String handler(String extra) {
        return "/*\n * " + HEADER + "\n */\npackage dev.fixture.lambda;\n\n"
                + "import com.amazonaws.services.lambda.runtime.Context;\n"
                + "import com.amazonaws.services.lambda.runtime.RequestHandler;\n"
                + "import software.amazon.lambda.powertools.logging.PowertoolsLogging;\n\n"
                + "public final class PollerHandler implements RequestHandler<String, String> {\n"
                + "    @Override\n    public String handleRequest(String event, Context context) {\n"
                + "        return PowertoolsLogging.withLogging(context, () -> poll(event));\n    }\n\n"
                + "    private String poll(String event) {\n"
                + "        try {\n            return fetch(event);\n        } catch (Exception e) {\n"
                + "            LOG.error(\"poll failed\", e);\n            throw new IllegalStateException(\"poll failed\", e);\n"
                + "        }\n    }\n" + extra + "}\n";
    }

    void runnerReport(int tests, int failures, String seconds) throws IOException {
        module(FUNCTION + "target/surefire-reports/TEST-dev.fixture.lambda.LocalRunnerTest.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"dev.fixture.lambda.LocalRunnerTest\""
                        + " time=\"" + seconds + "\" tests=\"" + tests + "\" errors=\"0\" skipped=\"0\" failures=\""
                        + failures + "\">\n</testsuite>\n");
        Files.setLastModifiedTime(dir.resolve(FUNCTION + "target/surefire-reports/TEST-dev.fixture.lambda.LocalRunnerTest.xml"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
    }

    /** A JaCoCo CSV report, newer than the sources it measures. */
    void coverage(String under, int covered, int missed) throws IOException {
        String report = under + "target/site/jacoco/jacoco.csv";
        module(report, "GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,"
                + "LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED\n"
                + "g,dev.fixture,A,0,0,0,0," + missed + "," + covered + ",0,0,0,0\n");
        Files.setLastModifiedTime(dir.resolve(report),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
    }

    static String readme() {
        return "<!-- " + HEADER + " -->\n# Fixture events\n\n## Overview\n\nPolls.\n\n## Data source\n\nAn API.\n\n"
                + "## Prerequisites\n\nNone.\n\n## Architecture\n\nOne function.\n\n## Configuration\n\n"
                + "```yaml\nintegrations:\n  " + ID + ":\n    enabled: true\n    config:\n"
                + "      sourceUrl: https://api.example.com/events\n      poller:\n        batchSize: 50\n```\n\n"
                + "| Key | Type | Description |\n|---|---|---|\n| `sourceUrl` | string | Where. |\n"
                + "| `poller.batchSize` | integer | How many. |\n| `poller.enabled` | boolean | Whether. |\n\n"
                + "## Setup\n\nBuild it.\n\n## IAM permissions\n\nNone.\n\n## Monitoring\n\nLogs.\n\n"
                + "## Troubleshooting\n\n| Symptom | Fix |\n|---|---|\n| Nothing | Wait. |\n";
    }

    static String source(String version, String name, String description) {
        return "package dev.fixture;\n"
                + "public final class FixtureModule extends dev.slk.spi.BaseIntegrationModule {\n"
                + "  public String moduleId() { return \"" + ID + "\"; }\n"
                + "  public String moduleName() { return \"" + name + "\"; }\n"
                + "  public String moduleVersion() { return \"" + version + "\"; }\n"
                + "  public String moduleDescription() { return \"" + description + "\"; }\n"
                + "  public dev.slk.spi.ModuleResources createResources(software.constructs.Construct s,"
                + " dev.slk.spi.CoreResources c, com.fasterxml.jackson.databind.JsonNode n) {"
                + " return dev.slk.spi.ModuleResources.none(); }\n}\n";
    }

    /** Compiles the module class and copies the resources into target/classes, as Maven would. */
    void build() throws IOException {
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes);
        String source = Files.readString(dir.resolve("src/main/java/dev/fixture/FixtureModule.java"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///dev/fixture/FixtureModule.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none");
        assertTrue(compiler.getTask(null, null, null, options, null, List.of(unit)).call(), "fixture module compiles");
        Path resources = dir.resolve("src/main/resources");
        try (var files = Files.walk(resources)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = classes.resolve(resources.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(dir.resolve("target").resolve(WorkspaceModules.CLASS_PATH_FILE), "");
    }

    WorkspacePaths paths() {
        return WorkspacePaths.of(root, Map.of());
    }

    /** A fresh registry, as a new slk process discovers it. */
    ModuleRegistry registry() {
        Workspace workspace = Workspace.read(root);
        return ModuleRegistry.discover(WorkspaceModules.scan(workspace).classLoader(getClass().getClassLoader()));
    }

    void module(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    String read(String relative) throws IOException {
        return Files.readString(dir.resolve(relative));
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static String classPathSeparator() {
        return File.pathSeparator;
    }
}
