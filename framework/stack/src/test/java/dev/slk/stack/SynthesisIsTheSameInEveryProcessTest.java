package dev.slk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.stack.testing.AssemblyDigestProbe;
import dev.slk.stack.testing.Stacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hash iteration order ({@code Map.of}, {@code HashMap}) is salted per JVM process, so two
 * syntheses in one test JVM agree even when a map reaches jsii unordered. Only separate processes
 * show it: five of them synthesize the bundled example and a config with every optional part on,
 * and every file of every assembly must be the same bytes in all five.
 */
class SynthesisIsTheSameInEveryProcessTest {
    private static final int PROCESSES = 5;

    /** The example plus everything it leaves off: prod overrides, the event data store, a module, maps of several keys. */
    private static final String EVERYTHING_ON = Stacks.exampleYaml()
            .replace("environment: dev ", "environment: prod")
            .replace("integrations: {}", String.join("\n",
                    "integrations:",
                    "  poller:",
                    "    enabled: true",
                    "    config:",
                    "      memorySize: 1024",
                    "cloudTrailEventDataStore:",
                    "  enabled: true",
                    "  eventCategories: [Management, Data]"))
            .replace("    maximumBatchingWindowInSeconds: 5\n  securityHubProcessor:\n", String.join("\n",
                    "    maximumBatchingWindowInSeconds: 5",
                    "    eventDataStoreEnabled: true",
                    "    environment: {ZETA: z, ALPHA: a, MIDDLE: m, BETA: b}",
                    "  securityHubProcessor:",
                    "    environment: {YANKEE: y, BRAVO: b, KILO: k}",
                    ""))
            .replace("      - security-team@example.com\n", String.join("\n",
                    "      - security-team@example.com",
                    "      - soc@example.com",
                    "      - oncall@example.com",
                    ""));

    @TempDir
    Path work;

    @Test
    void fiveProcessesWriteByteIdenticalAssembliesForTheExampleAndAnEverythingOnConfig() throws Exception {
        Path example = Path.of(System.getProperty("slk.workspace.dir"), "config.example.yaml");
        Path everything = Files.writeString(work.resolve("everything-on.yaml"), EVERYTHING_ON);
        assertTrue(EVERYTHING_ON.contains("poller:") && EVERYTHING_ON.contains("ZETA") && EVERYTHING_ON.contains("soc@")
                && EVERYTHING_ON.contains("environment: prod"),
                "the everything-on config must really switch its parts on");
        List<String> runs = runProbes(example, everything);
        String first = runs.get(0);
        assertTrue(first.contains("config.example.yaml ") && first.contains("everything-on.yaml "), first);
        assertTrue(first.lines().anyMatch(line -> line.contains(".template.json ")), first);
        for (int i = 1; i < PROCESSES; i++) {
            assertEquals(first, runs.get(i), "process " + (i + 1) + " wrote a different assembly than process 1");
        }
    }

    private List<String> runProbes(Path... configs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                Path directory = Files.createDirectory(work.resolve("process-" + i));
                runs.add(pool.submit(() -> probe(directory, configs)));
            }
            List<String> outputs = new ArrayList<>();
            for (Future<String> run : runs) {
                outputs.add(run.get(5, TimeUnit.MINUTES));
            }
            return outputs;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String probe(Path directory, Path... configs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dslk.workspace.dir=" + System.getProperty("slk.workspace.dir"),
                AssemblyDigestProbe.class.getName(), directory.toString()));
        for (Path config : configs) {
            command.add(config.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(directory.resolve("stderr.txt").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertEquals(0, exit, () -> "probe failed: " + read(directory.resolve("stderr.txt")));
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
