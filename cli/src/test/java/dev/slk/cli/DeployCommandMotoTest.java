package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.testing.ReportSchemas;
import dev.slk.deploy.cdk.CdkCli;
import dev.slk.deploy.cdk.CdkRun;
import dev.slk.deploy.cdk.CdkRunner;
import dev.slk.deploy.cdk.TestCdkCli;
import dev.slk.deploy.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * slk deploy end to end: the real CDK CLI deploys slk's real example assembly to moto_server on
 * 127.0.0.1. Everything asserted is read back through the SDK from the endpoint, never taken from
 * the CLI's exit code alone. One moto for the class; the tests build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DeployCommandMotoTest {
    private static final String REGION = "ca-central-1";
    private static final String STACK = "security-lake-integration-dev";

    @TempDir
    static Path scratch;
    @TempDir
    static Path workspace;

    private static MotoServer moto;
    private static Map<String, String> env;

    @BeforeAll
    static void startMotoAndBootstrap() throws IOException {
        moto = MotoServer.start(scratch);
        CdkCli cdk = TestCdkCli.get();
        env = new HashMap<>(moto.environment(REGION));
        env.put("SLK_CDK_CLI", cdk.executable().toString());
        env.put("NO_COLOR", "1");
        CdkRun bootstrap = new CdkRunner(cdk, env, scratch, Duration.ofSeconds(120))
                .run(List.of("bootstrap", "aws://" + MotoServer.ACCOUNT + "/" + REGION), line -> { });
        assertEquals(0, bootstrap.exitCode(), String.join("\n", bootstrap.lines()));
        try (InputStream in = ConfigSource.class.getResourceAsStream(ConfigSource.BundledExample.RESOURCE)) {
            Files.write(workspace.resolve("config.yaml"), in.readAllBytes());
        }
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    @Order(1)
    void aFailingGateStopsTheDeploymentAndNothingIsDeployed() throws IOException {
        String config = Files.readString(workspace.resolve("config.yaml")).replace("memorySize: 512", "memorySize: 64");
        Files.writeString(workspace.resolve("config.bad.yaml"), config);
        Slk.Result r = slk("deploy", "--config", "config.bad.yaml");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("gate validate-config  FAILED   1 error(s)"), r.out());
        assertTrue(r.err().contains("slk: error: gate validate-config failed; nothing was deployed"), r.err());
        assertFalse(stackExists());
        assertFalse(Files.exists(workspace.resolve(".slk/deployments/dev/assemblies")));
    }

    @Test
    @Order(2)
    void approvalNeededWithoutATerminalIsRefusedUnlessYes() {
        Slk.Result r = slk("deploy", "--require-approval", "any-change");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("gate validate-config  passed"), r.out());
        assertTrue(r.out().contains("gate checklist        passed   no module is enabled"), r.out());
        assertTrue(r.out().contains("gate security-scan    passed"), r.out());
        assertTrue(r.out().contains("gate iam-analyzer     passed   no findings fail at --fail-on medium"), r.out());
        assertTrue(r.out().contains("diff     36 to add, 0 to change (0 replaced), 0 to remove;"), r.out());
        assertTrue(r.err().contains("--require-approval any-change asks for approval of these changes")
                && r.err().contains("there is no terminal to ask on; nothing was deployed (run again with --yes"),
                r.err());
        assertFalse(stackExists());
    }

    @Test
    @Order(3)
    void deployCreatesTheQueuesFunctionsAndMappingsAndRecordsIt() throws IOException {
        Slk.Result r = slk("deploy", "--require-approval", "any-change", "--yes");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("deployed " + STACK + " (record .slk/deployments/dev/"), r.out());
        assertTrue(r.err().contains("CREATE_COMPLETE"), "progress is streamed: " + r.err());

        try (SqsClient sqs = moto.client(SqsClient.builder(), REGION)) {
            String queue = sqs.getQueueUrl(b -> b.queueName("security-lake-integration-event-queue-dev")).queueUrl();
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queue)
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            assertFalse(attributes.getOrDefault(QueueAttributeName.KMS_MASTER_KEY_ID, "").isEmpty(), attributes.toString());
            assertTrue(attributes.getOrDefault(QueueAttributeName.REDRIVE_POLICY, "")
                    .contains("security-lake-integration-event-dlq-dev"), attributes.toString());
        }
        try (LambdaClient lambda = moto.client(LambdaClient.builder(), REGION)) {
            List<FunctionConfiguration> functions = lambda.listFunctions().functions();
            assertEquals(3, functions.size(), functions.toString());
            assertTrue(functions.stream().allMatch(f -> f.runtimeAsString().equals("java21")), functions.toString());
            assertEquals(2, lambda.listEventSourceMappings().eventSourceMappings().size());
        }
        assertTrue(stackExists());

        Path records = workspace.resolve(".slk/deployments/dev");
        List<Path> files;
        try (Stream<Path> list = Files.list(records)) {
            files = list.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertEquals(1, files.size());
        JsonNode record = new ObjectMapper().readTree(files.get(0).toFile());
        assertEquals("deployed", record.path("outcome").asText());
        assertEquals(STACK, record.path("stack").asText());
        assertEquals("dev", record.path("environment").asText());
        assertEquals(64, record.path("configFingerprint").asText().length());
        assertEquals(List.of("validate-config", "checklist", "security-scan", "iam-analyzer"),
                record.path("gates").findValuesAsText("gate"));
        record.path("gates").forEach(g -> assertTrue(g.path("millis").asText().matches("\\d+"), g.toString()));
        String id = record.path("id").asText();
        assertTrue(Files.isRegularFile(records.resolve("assemblies").resolve(id).resolve("manifest.json")));
        assertFalse(Files.exists(records.resolve("deploy.lock")), "the lock is released");
        assertNoSecret(r, Files.readString(files.get(0), StandardCharsets.UTF_8));
    }

    @Test
    @Order(4)
    void aSecondDeployOfTheSameAssemblyChangesNothing() {
        Slk.Result r = slk("deploy");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("up to date: " + STACK + " already matches the assembly; nothing to deploy"), r.out());
    }

    @Test
    @Order(5)
    void diffShowsAChangeAndDeploysNothing() throws IOException {
        Path config = workspace.resolve("config.yaml");
        String original = Files.readString(config);
        Files.writeString(config, original.replace("memorySize: 512", "memorySize: 1024"));
        try {
            Slk.Result diff = slk("diff");
            assertEquals(0, diff.exitCode(), diff.out() + diff.err());
            assertTrue(diff.out().contains("[~] AWS::Lambda::Function EventTransformer"), diff.out());
            assertTrue(diff.out().contains("diff     0 to add, 1 to change (0 replaced), 0 to remove;"), diff.out());
            assertEquals(1, slk("diff", "--fail").exitCode());
            assertFalse(memorySizes().contains(1024), memorySizes().toString());
        } finally {
            Files.writeString(config, original);
        }
    }

    @Test
    @Order(5)
    void rollbackWithoutAnEarlierSuccessfulDeploymentIsRefused() {
        Slk.Result r = slk("rollback");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("slk: error: no earlier successful deployment of dev to roll back to (1 successful "
                + "record(s) in "), r.err());
        assertTrue(memorySizes().contains(512), memorySizes().toString());
    }

    @Test
    @Order(6)
    void verifyChecksTheDeployedStackReadOnly() {
        try (SecretsManagerClient secrets = moto.client(SecretsManagerClient.builder(), REGION)) {
            secrets.createSecret(b -> b.name("security-lake-integration/external-id").secretString("ext-id-" + "7f3a9c2e1b"));
        }
        Slk.Result r = slk("verify");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  stack " + STACK), r.out());
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("PASS  function ")).count(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PASS  secret security-lake-integration/external-id")
                && l.endsWith("exists (not read)")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PASS  dead-letter queue ")), r.out());
        assertFalse(r.out().contains("ext-id-7f3a9c2e1b") || r.err().contains("ext-id-7f3a9c2e1b"),
                "the secret's value is never read or printed");
        assertTrue(r.out().strip().endsWith("; passed"), r.out());
    }

    @Test
    @Order(7)
    void verifyWritesTheChecksPlatformsFormats() throws IOException {
        Slk.Result json = slk("verify", "--format", "json");
        assertEquals(0, json.exitCode(), json.out() + json.err());
        JsonNode report = ReportSchemas.assertValidJsonReport(json.out());
        assertEquals("PASS", report.at("/facts/stack " + STACK).asText(), json.out());
        assertEquals(STACK, report.at("/facts/stack").asText());

        Slk.Result sarif = slk("verify", "--format", "sarif");
        assertEquals(0, sarif.exitCode(), sarif.err());
        JsonNode run = ReportSchemas.assertValidSarif(sarif.out()).at("/runs/0");
        assertEquals("slk verify", run.at("/tool/driver/name").asText());
        run.path("results").forEach(result -> assertEquals("note", result.path("level").asText(),
                "only warnings (low) on a healthy stack: " + result));

        Slk.Result junit = slk("verify", "--format", "junit", "--output", "verify.xml");
        assertEquals(0, junit.exitCode(), junit.err());
        assertEquals("", junit.out());
        assertTrue(junit.err().contains("; passed; report written to verify.xml"), junit.err());
        String xml = Files.readString(workspace.resolve("verify.xml"));
        ReportSchemas.assertValidJUnit(xml);
        assertTrue(xml.contains("<testsuite name=\"verify.function\" tests=\"1\" failures=\"0\""), xml);
    }

    @Test
    @Order(8)
    void anUpdateChangesTheFunctionAndRollbackRestoresThePreviousDeployment() throws IOException {
        Path config = workspace.resolve("config.yaml");
        String original = Files.readString(config);
        Files.writeString(config, original.replace("memorySize: 512", "memorySize: 1024"));
        try {
            Slk.Result update = slk("deploy");
            assertEquals(0, update.exitCode(), update.out() + update.err());
            assertTrue(update.out().contains("diff     0 to add, 1 to change (0 replaced), 0 to remove;"), update.out());
            assertTrue(memorySizes().contains(1024), "the update reached the function: " + memorySizes());
        } finally {
            Files.writeString(config, original);
        }
        Slk.Result rollback = slk("rollback");
        assertEquals(0, rollback.exitCode(), rollback.out() + rollback.err());
        assertTrue(rollback.err().contains("rolling back " + STACK + " to record "), rollback.err());
        assertFalse(memorySizes().contains(1024), "the rollback restored the first deployment: " + memorySizes());
        assertTrue(memorySizes().contains(512), memorySizes().toString());
    }

    @Test
    @Order(9)
    void gatesCannotBeSkippedInProd() throws IOException {
        String prod = Files.readString(workspace.resolve("config.yaml")).replace("environment: dev", "environment: prod");
        Files.writeString(workspace.resolve("config.prod.yaml"), prod);
        Slk.Result r = slk("deploy", "--env", "prod", "--skip-gate", "security-scan", "--reason", "hurry");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("slk: error: --skip-gate security-scan: gates cannot be skipped in prod\n", r.err());
    }

    @Test
    @Order(10)
    void destroyDeletesTheStackSlkDeployedOnceApproved() {
        Slk.Result refused = slk("destroy");
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("asks for approval and there is no terminal to ask on; nothing was destroyed"),
                refused.err());
        assertTrue(stackExists());

        Slk.Result r = slk("destroy", "--yes");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("destroyed " + STACK + " (record .slk/deployments/dev/"), r.out());
        assertFalse(stackExists(), "the stack is gone");
        try (LambdaClient lambda = moto.client(LambdaClient.builder(), REGION)) {
            assertEquals(List.of(), lambda.listFunctions().functions(), "its functions went with it");
        }
        Slk.Result again = slk("destroy", "--yes");
        assertEquals(1, again.exitCode(), again.err());
        assertTrue(again.err().contains(STACK + " was destroyed already (record "), again.err());
        Slk.Result prod = slk("destroy", "--env", "prod", "--yes");
        assertEquals(1, prod.exitCode(), prod.err());
        assertTrue(prod.err().contains("no successful deployment of prod on record in "), prod.err());
    }

    private static void assertNoSecret(Slk.Result r, String record) {
        for (String text : List.of(r.out(), r.err(), record)) {
            assertFalse(text.contains("moto-fake-secret-key"), "the secret key is never printed");
        }
    }

    private static List<Integer> memorySizes() {
        try (LambdaClient lambda = moto.client(LambdaClient.builder(), REGION)) {
            return lambda.listFunctions().functions().stream().map(FunctionConfiguration::memorySize).sorted().toList();
        }
    }

    private static boolean stackExists() {
        try (CloudFormationClient cfn = moto.client(CloudFormationClient.builder(), REGION)) {
            return !cfn.describeStacks(b -> b.stackName(STACK)).stacks().isEmpty();
        } catch (CloudFormationException e) {
            return false;
        }
    }

    private static Slk.Result slk(String... args) {
        return Slk.run(workspace, env, Slk::testModules, args);
    }
}
