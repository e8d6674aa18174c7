package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slk.core.testing.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every numeric rule sees the value the model and the template get, repeats it as the file
 * writes it, and one mistake gives one finding.
 */
class NumbersTest {
    @TempDir
    Path dir;

    private Slk.Result validate(String blocks) throws IOException {
        Files.writeString(dir.resolve("c.yaml"), Configs.minimalWith(blocks));
        List<String> before = listing();
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "c.yaml");
        assertEquals(before, listing());
        return r;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String timeout(String value) {
        return "sqsQueue:\n  visibilityTimeout: 6000\ncoreProcessing:\n  eventTransformer:\n    timeout: " + value + "\n";
    }

    private static void assertFindings(Slk.Result r, String... lines) {
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        assertEquals(String.join("\n", lines) + "\n", r.out());
    }

    @Test
    void aDecimalTimeoutIsHeldToLambdasMaximumAsTheModelWouldBindIt() throws IOException {
        for (String written : List.of("1e3", "1000.0", "0x3E8")) {
            assertFindings(validate(timeout(written)),
                    "c.yaml:14:14: error: timeout " + written + " s is outside Lambda's range 1 to 900 s [lambda.timeout]",
                    "    at /coreProcessing/eventTransformer/timeout",
                    "c.yaml: invalid (1 error, 0 warnings; modules checked: none)");
        }
    }

    @Test
    void aTimeoutBeyondEveryDoubleIsAFindingNotAnInternalError() throws IOException {
        assertFindings(validate(timeout("1e309")),
                "c.yaml:14:14: error: timeout 1e309 s is outside Lambda's range 1 to 900 s [lambda.timeout]",
                "    at /coreProcessing/eventTransformer/timeout",
                "c.yaml: invalid (1 error, 0 warnings; modules checked: none)");
    }

    @Test
    void aHugeIntegerIsReportedAsWritten() throws IOException {
        assertFindings(validate(timeout("99999999999999999999")),
                "c.yaml:14:14: error: timeout 99999999999999999999 s is outside Lambda's range 1 to 900 s [lambda.timeout]",
                "    at /coreProcessing/eventTransformer/timeout",
                "c.yaml: invalid (1 error, 0 warnings; modules checked: none)");
    }

    @Test
    void aTimeoutOutOfRangeIsOneFindingNotAlsoAQueueMismatch() throws IOException {
        Slk.Result r = validate("coreProcessing:\n  eventTransformer:\n    timeout: 1200\n");
        assertFindings(r,
                "c.yaml:12:14: error: timeout 1200 s is outside Lambda's range 1 to 900 s [lambda.timeout]",
                "    at /coreProcessing/eventTransformer/timeout",
                "c.yaml: invalid (1 error, 0 warnings; modules checked: none)");
    }

    @Test
    void infinityIsOneFindingNotAlsoAboveTheMaximum() throws IOException {
        assertFindings(validate("coreProcessing:\n  eventTransformer:\n    batchSize: .inf\n"),
                "c.yaml:12:16: error: 'batchSize' must be an integer, not the number .inf [schema.type]",
                "    at /coreProcessing/eventTransformer/batchSize",
                "c.yaml: invalid (1 error, 0 warnings; modules checked: none)");
    }

    @Test
    void aDecimalAboveASchemaMaximumIsRejectedAsWritten() throws IOException {
        assertFindings(validate("sqsQueue:\n  visibilityTimeout: 6e4\n"),
                "c.yaml:11:22: error: 'visibilityTimeout' is the number 6e4; the maximum is 43200 [schema.maximum]",
                "    at /sqsQueue/visibilityTimeout",
                "c.yaml: invalid (1 error, 0 warnings; modules checked: none)");
    }

    @Test
    void aModuleMemoryBelowItsSchemaMinimumIsOneFinding() throws IOException {
        assertFindings(validate(module("memorySize: 64")),
                "c.yaml:16:21: error: 'memorySize' is the number 64; the minimum is 128 [module-schema.minimum]",
                "    at /integrations/sample-source/config/poller/memorySize",
                "c.yaml: invalid (1 error, 0 warnings; modules checked: sample-source)");
    }

    @Test
    void aModuleTimeoutAboveItsSchemaMaximumIsOneFinding() throws IOException {
        assertFindings(validate(module("timeout: 1200")),
                "c.yaml:16:18: error: 'timeout' is the number 1200; the maximum is 900 [module-schema.maximum]",
                "    at /integrations/sample-source/config/poller/timeout",
                "c.yaml: invalid (1 error, 0 warnings; modules checked: sample-source)");
    }

    @Test
    void aModuleMemoryTheSchemaDoesNotBoundIsHeldToLambdasRange() throws IOException {
        assertFindings(validate(module("memorySize: 2e4")),
                "c.yaml:16:21: error: memorySize 2e4 MB is outside Lambda's range 128 to 10240 MB [lambda.memory]",
                "    at /integrations/sample-source/config/poller/memorySize",
                "c.yaml: invalid (1 error, 0 warnings; modules checked: sample-source)");
    }

    private static String module(String setting) {
        return "integrations:\n  sample-source:\n    enabled: true\n    config:\n      credentialsSecretName: s\n"
                + "      poller:\n        " + setting + "\n";
    }
}
