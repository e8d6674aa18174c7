package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** slk synth skips an assembly whose recorded inputs are today's, unless forced or an input changed. */
class SynthUpToDateTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("slk.workspace.dir"), "config.example.yaml");

    @TempDir
    Path dir;

    @Test
    void anUnchangedAssemblyIsUpToDateForceRebuildsItReusingItsAssetsAndAChangedConfigRebuildsIt() throws Exception {
        Files.copy(EXAMPLE, dir.resolve("config.yaml"));
        Path out = dir.resolve("cdk.out");
        Slk.Result first = Slk.run(dir, "synth", "-q");
        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().startsWith("Synthesized "), first.out());
        assertTrue(Files.isRegularFile(out.resolve(".slk-inputs.json")), "the assembly records its inputs");
        Map<String, String> written = snapshot(out, false);
        Map<String, String> stamped = snapshot(out, true);

        Slk.Result again = Slk.run(dir, "synth");
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertEquals("Up to date: security-lake-integration-dev in " + out + " was synthesized from these very inputs"
                + " (config, modules, Lambda packages, slk); nothing was written (--force synthesizes anyway)\n",
                again.out());
        assertEquals("", again.err(), "no stage ran, so no progress line");
        assertEquals(stamped, snapshot(out, true), "not a file touched");

        Slk.Result json = Slk.run(dir, "synth", "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode status = new ObjectMapper().readTree(json.out());
        assertEquals("up-to-date", status.path("status").asText());
        assertFalse(status.path("written").asBoolean(true));

        Path largest = largestAsset(out);
        Object inode = Files.getAttribute(largest, "unix:ino");
        Slk.Result forced = Slk.run(dir, "synth", "-q", "--force");
        assertEquals(0, forced.exitCode(), forced.out() + forced.err());
        assertTrue(forced.out().startsWith("Synthesized security-lake-integration-dev into " + out), forced.out());
        assertEquals(inode, Files.getAttribute(out.resolve(largest.getFileName()), "unix:ino"),
                "an unchanged asset is linked from the old assembly, not copied");
        assertEquals(written, snapshot(out, false), "byte-identical to the first synthesis");

        Files.writeString(dir.resolve("config.yaml"),
                Files.readString(dir.resolve("config.yaml")).replace("projectName: security-lake-integration",
                        "projectName: security-lake-changed"));
        Slk.Result changed = Slk.run(dir, "synth", "-q");
        assertEquals(0, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.out().startsWith("Synthesized security-lake-changed-dev into " + out), changed.out());
        assertTrue(Files.isRegularFile(out.resolve("security-lake-changed-dev.template.json")));
        assertFalse(Files.exists(out.resolve("security-lake-integration-dev.template.json")));
    }

    /** @return each regular file's path relative to the assembly and a digest of its content (and its time) */
    private static Map<String, String> snapshot(Path out, boolean withTimes) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String content = Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(file)));
                files.put(out.relativize(file).toString(),
                        withTimes ? Files.getLastModifiedTime(file) + " " + content : content);
            }
        }
        return files;
    }

    private static Path largestAsset(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith("asset.") && Files.isRegularFile(p))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }
}
