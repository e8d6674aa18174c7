package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.assembly.CloudAssembly;
import dev.slk.assembly.Owner;
import dev.slk.core.registry.ModuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROOF OF {@code slk new-module} (issue 5, point 4), run in CI with the rest of the build: a
 * module generated into a temporary copy of this workspace builds offline with Maven, its own
 * tests pass with at least 80 % line coverage (the JaCoCo check of its build), slk's workspace
 * discovery lists it, {@code slk validate-config} accepts a config that enables it with its
 * example fragment, {@code slk synth} with it enabled contains its function, role, schedule,
 * dead-letter queue and log group (built by the module kit) and is cdk-nag clean, and
 * {@code slk security-scan --module} finds nothing in it.
 *
 * <p>Takes about a minute and a half (the module's build: SPI, module and function, with their
 * tests; then one synthesis). Skip it locally with {@code -Dslk.skipProof=true}.
 */
@Tag("proof")
@DisabledIfSystemProperty(named = "slk.skipProof", matches = "true")
class NewModuleProofTest {
    private static final Set<String> NOT_COPIED = Set.of("target", ".git", "node_modules", "cdk.out", ".idea");
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aGeneratedModuleBuildsPassesItsTestsIsDiscoveredAndValidates() throws Exception {
        Path workspace = copyWorkspace(Path.of(System.getProperty("slk.workspace.dir")), temp.resolve("workspace"));

        long start = System.nanoTime();
        Slk.Result created = Slk.run(workspace, "new-module", "proof-events", "--name", "Proof Events");
        long scaffoldMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, created.exitCode(), created.err());

        String build = "mvn -B -ntp verify -pl modules/proof-events,modules/proof-events/src/lambda/event-processor -am";
        assertTrue(created.out().contains(build), created.out());
        long buildStart = System.nanoTime();
        Path log = temp.resolve("build.log");
        int exit = maven(workspace, log, "-B", "-ntp", "-o", "verify", "-pl",
                "modules/proof-events,modules/proof-events/src/lambda/event-processor", "-am");
        long buildSeconds = (System.nanoTime() - buildStart) / 1_000_000_000;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, exit, "the generated module's build failed:\n" + tail(output, 80));

        Path module = workspace.resolve("modules/proof-events");
        Path function = module.resolve("src/lambda/event-processor");
        for (Path built : List.of(module, function)) {
            assertTrue(testsRun(built) > 0, built + " ran no test");
            double coverage = lineCoverage(built);
            assertTrue(coverage >= 0.80, built + ": line coverage " + coverage);
        }
        assertTrue(Files.size(function.resolve("target/proof-events-event-processor-lambda.zip")) > 1_000_000);

        Map<String, String> env = Map.of();
        Supplier<ModuleRegistry> registry = Main.registry(workspace, env, getClass().getClassLoader());
        Slk.Result listed = Slk.run(workspace, env, registry, "list-modules", "--config", "config.example.yaml");
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().lines().anyMatch(l -> l.matches("proof-events +1\\.0\\.0 +not configured +.*"
                + "modules/proof-events/target/classes")), listed.out());

        Path config = workspace.resolve("config.proof.yaml");
        Files.writeString(config, Files.readString(workspace.resolve("config.example.yaml"))
                .replace("integrations: {}\n", "")
                + Files.readString(module.resolve("config.example.yaml")));
        Slk.Result valid = Slk.run(workspace, env, Main.registry(workspace, env, getClass().getClassLoader()),
                "validate-config", "--config", "config.proof.yaml");
        assertEquals(0, valid.exitCode(), valid.out() + valid.err());
        assertTrue(valid.out().contains("modules checked: proof-events"), valid.out());

        Slk.Result synth = Slk.run(workspace, env, Main.registry(workspace, env, getClass().getClassLoader()),
                "synth", "-q", "--config", "config.proof.yaml", "--format", "json");
        assertEquals(0, synth.exitCode(), synth.out() + synth.err());
        JsonNode summary = JSON.readTree(synth.out());
        assertEquals(0, summary.at("/cdkNag/errors").asInt(), synth.out());
        assertEquals(0, summary.at("/cdkNag/warnings").asInt(), synth.out());
        assertEquals(List.of("ProofEventsReadCredentials", "ProofEventsSendEvents", "ProofEventsUseSharedKey"),
                JSON.convertValue(summary.at("/modules/0/statements"), List.class));
        JsonNode template = JSON.readTree(workspace.resolve("cdk.out").resolve(summary.path("template").asText()).toFile());
        assertModuleResources(template.path("Resources"));
        assertScanAttributesTheModulesInfrastructure(workspace, env);
        long checklistMillis = assertTheChecklistPasses(workspace, env);

        System.out.printf("new-module proof: scaffold %d ms, offline build of the new module %d s,"
                + " checklist --no-run in-process %d ms%n", scaffoldMillis, buildSeconds, checklistMillis);
    }

    /**
     * Issue 14, point 5: {@code slk checklist --module proof-events} on the freshly built module
     * (its reports are up to date, so --no-run) has no failing item and no failing finding.
     */
    private long assertTheChecklistPasses(Path workspace, Map<String, String> env) throws IOException {
        long start = System.nanoTime();
        Slk.Result checklist = Slk.run(workspace, env, Main.registry(workspace, env, getClass().getClassLoader()),
                "checklist", "--module", "proof-events", "--no-run", "--config", "config.proof.yaml", "--format", "json");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, checklist.exitCode(), checklist.out() + checklist.err());
        JsonNode report = JSON.readTree(checklist.out());
        assertEquals(0, report.at("/summary/failing").asInt(), checklist.out());
        List<String> verdicts = new ArrayList<>();
        report.path("facts").properties().forEach(e -> {
            if (e.getKey().startsWith("proof-events.checklist.") && !e.getKey().endsWith(".evidence")) {
                verdicts.add(e.getKey() + "=" + e.getValue().asText());
            }
        });
        assertEquals(14, verdicts.size(), verdicts.toString());
        assertTrue(verdicts.stream().allMatch(v -> v.endsWith("=PASS")), checklist.out());
        // Item 7 passes because the generated runner's test runs the runner, not because it is named after it.
        assertTrue(report.at("/facts/proof-events.checklist.local-runner.evidence/0").asText()
                .contains(": LocalRunnerTest calls LocalRunner.run (LocalRunnerTest.java:"), checklist.out());
        return millis;
    }

    /** The module's function, its role, schedule, dead-letter queue and log group, in the synthesized template. */
    private static void assertModuleResources(JsonNode resources) {
        Map<String, JsonNode> byId = new HashMap<>();
        resources.properties().forEach(e -> byId.put(e.getKey(), e.getValue()));
        Map.Entry<String, JsonNode> function = byId.entrySet().stream()
                .filter(e -> e.getValue().at("/Properties/Handler").asText()
                        .equals("dev.slk.modules.proofevents.lambda.EventProcessorHandler::handleRequest"))
                .findFirst().orElseThrow(() -> new AssertionError("no event processor function"));
        JsonNode properties = function.getValue().path("Properties");
        assertEquals("java21", properties.path("Runtime").asText());
        assertEquals("arm64", properties.at("/Architectures/0").asText());
        assertEquals("proof-events/credentials", properties.at("/Environment/Variables/CREDENTIALS_SECRET_NAME").asText());

        String role = properties.at("/Role/Fn::GetAtt/0").asText();
        assertEquals("AWS::IAM::Role", byId.get(role).path("Type").asText());
        assertTrue(byId.get(role).at("/Properties/ManagedPolicyArns").isMissingNode(), "no managed policy");

        String deadLetters = properties.at("/DeadLetterConfig/TargetArn/Fn::GetAtt/0").asText();
        assertEquals("AWS::SQS::Queue", byId.get(deadLetters).path("Type").asText());

        String logGroup = properties.at("/LoggingConfig/LogGroup/Ref").asText();
        assertEquals("AWS::Logs::LogGroup", byId.get(logGroup).path("Type").asText());
        assertTrue(byId.get(logGroup).at("/Properties/RetentionInDays").asInt() > 0);

        assertTrue(byId.values().stream().anyMatch(r -> r.path("Type").asText().equals("AWS::Events::Rule")
                && r.at("/Properties/ScheduleExpression").asText().equals("rate(5 minutes)")
                && r.at("/Properties/Targets/0/Arn/Fn::GetAtt/0").asText().equals(function.getKey())),
                "a schedule that runs the function");
    }

    /**
     * The attribution proof (issue 11, point 4): on the assembly synth really wrote,
     * {@code security-scan --module proof-events} reports exactly the infrastructure findings of the
     * resources the module made (those {@code --all} attributes to it), each attributed to it.
     */
    private void assertScanAttributesTheModulesInfrastructure(Path workspace, Map<String, String> env)
            throws IOException {
        CloudAssembly assembly = CloudAssembly.read(workspace.resolve("cdk.out"));
        Set<String> moduleResources = assembly.resourcesOwnedBy(new Owner.Module("proof-events")).stream()
                .map(r -> r.type() + " " + r.line()).collect(java.util.stream.Collectors.toSet());
        assertTrue(moduleResources.stream().anyMatch(r -> r.startsWith("AWS::Logs::LogGroup ")), moduleResources.toString());

        // Built by the module kit, as the core functions are: nothing for the scan to find.
        Slk.Result module = Slk.run(workspace, env, Main.registry(workspace, env, getClass().getClassLoader()),
                "security-scan", "--module", "proof-events", "--format", "json");
        assertEquals(0, module.exitCode(), module.out() + module.err());
        assertEquals(List.of(), JSON.convertValue(JSON.readTree(module.out()).path("findings"), List.class),
                module.out());
        List<JsonNode> moduleInfra = infraFindings(module.out());

        Slk.Result all = Slk.run(workspace, env, Main.registry(workspace, env, getClass().getClassLoader()),
                "security-scan", "--all", "--format", "json");
        List<JsonNode> attributed = infraFindings(all.out()).stream()
                .filter(f -> f.path("module").asText().equals("proof-events")).toList();
        assertEquals(moduleInfra, attributed, all.out());

        // Issue 12, point 8 (and issue 13, point 7): a freshly generated module has no IAM finding at all,
        // not even a low one.
        Slk.Result iam = Slk.run(workspace, env, Main.registry(workspace, env, getClass().getClassLoader()),
                "iam-analyzer", "--module", "proof-events", "--no-synth", "--fail-on", "low", "--format", "json");
        assertEquals(0, iam.exitCode(), iam.out() + iam.err());
        JsonNode iamReport = new ObjectMapper().readTree(iam.out());
        assertEquals("proof-events", iamReport.at("/facts/modules/0").asText(), iam.out());
        assertEquals(0, iamReport.path("findings").size(), iam.out());
    }

    /** The findings about the synthesized templates, in report order. */
    private static List<JsonNode> infraFindings(String json) throws IOException {
        List<JsonNode> infra = new ArrayList<>();
        JSON.readTree(json).path("findings").forEach(f -> {
            if (f.at("/location/file").asText().startsWith("cdk.out/")) {
                infra.add(f);
            }
        });
        return infra;
    }

    /** The workspace as a fresh clone has it: sources without build output. */
    private static Path copyWorkspace(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    /** Runs the Maven that runs this build, offline, on its local repository. */
    private static int maven(Path dir, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String home = System.getProperty("slk.maven.home");
        command.add(home == null ? "mvn" : Path.of(home, "bin", "mvn").toString());
        String repository = System.getProperty("slk.maven.repo.local");
        if (repository != null) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        environment.remove("MAVEN_OPTS");
        Process process = builder.start();
        if (!process.waitFor(BUILD_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the generated module's build took longer than " + BUILD_LIMIT);
        }
        return process.exitValue();
    }

    private static int testsRun(Path module) throws IOException {
        int total = 0;
        try (var reports = Files.list(module.resolve("target/surefire-reports"))) {
            for (Path report : (Iterable<Path>) reports.filter(p -> p.toString().endsWith(".xml"))::iterator) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<testsuite [^>]*tests=\"(\\d+)\"")
                        .matcher(Files.readString(report));
                if (m.find()) {
                    total += Integer.parseInt(m.group(1));
                }
            }
        }
        return total;
    }

    /** Covered lines over all lines, from the JaCoCo report the module's build wrote. */
    private static double lineCoverage(Path module) throws IOException {
        List<String> rows = Files.readAllLines(module.resolve("target/site/jacoco/jacoco.csv"));
        Map<String, Integer> column = new HashMap<>();
        String[] header = rows.get(0).split(",");
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        long missed = 0;
        long covered = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            missed += Long.parseLong(cells[column.get("LINE_MISSED")]);
            covered += Long.parseLong(cells[column.get("LINE_COVERED")]);
        }
        return covered / (double) (covered + missed);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
