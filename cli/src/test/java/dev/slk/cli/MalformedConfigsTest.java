package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever is wrong with a config file, validate-config answers with findings (exit 1)
 * or one line (exit 2), never an internal error or a stack trace, and every finding has a line.
 * The configs are the bundled example broken at random (truncated, bytes flipped, values of the
 * wrong type, deep nesting, huge numbers); the seed is fixed, and a failure names the seed, the
 * case and the mutation, so it can be replayed.
 */
class MalformedConfigsTest {
    private static final long SEED = 0x51C_C0F1L;
    private static final int MALFORMED_REQUIRED = 200;
    private static final int MAX_CASES = 400;
    private static final Pattern FINDING = Pattern.compile(".*: (error|warning): .*");
    private static final Pattern WITH_LINE = Pattern.compile("c\\.yaml:\\d+:\\d+: (error|warning): .*");
    private static final List<String> WRONG_VALUES = List.of("[1, 2]", "{a: 1}", "'text'", "true", "-7", "null",
            "1e309", ".inf", "-.nan", "~", "99999999999999999999", "\"\\u0000\"", "!!binary AAAA", "&a x", "*nowhere",
            "!!int y", "!!bool maybe", "!!float 1e", "!!null x");

    @TempDir
    Path dir;

    private record Case(String mutation, byte[] bytes) {
    }

    @Test
    void brokenConfigsGiveFindingsWithLinesOrOneLineNeverAnInternalError() throws IOException {
        byte[] example = Files.readAllBytes(Path.of(System.getProperty("slk.workspace.dir"), "config.example.yaml"));
        Random random = new Random(SEED);
        List<Function<Random, Case>> mutations = mutations(example);
        int malformed = 0;
        for (int i = 0; i < MAX_CASES && malformed < MALFORMED_REQUIRED; i++) {
            Case c = mutations.get(i % mutations.size()).apply(random);
            int exit = check(c, "seed " + Long.toHexString(SEED) + ", case " + i + ", " + c.mutation());
            malformed += exit == 0 ? 0 : 1;
        }
        assertEquals(MALFORMED_REQUIRED, malformed, "too few of the generated configs were refused");
    }

    private int check(Case c, String label) throws IOException {
        Path config = dir.resolve("c.yaml");
        Files.write(config, c.bytes());
        Slk.Result r = Slk.run(dir, "validate-config", "--config", "c.yaml");
        String both = r.out() + r.err();
        if (r.exitCode() == 3 || both.contains("Exception") || both.contains("\tat ")) {
            fail(label + ": exit " + r.exitCode() + "\n" + both);
        }
        if (r.exitCode() == 2) {
            assertTrue(r.err().startsWith("slk: error: ") && r.err().indexOf('\n') == r.err().length() - 1,
                    label + ": not one line:\n" + r.err());
        }
        for (String line : r.out().split("\n")) {
            if (FINDING.matcher(line).matches() && !WITH_LINE.matcher(line).matches()) {
                fail(label + ": a finding without a line: " + line);
            }
        }
        assertEquals(List.of("c.yaml"), listing(), label + ": validate-config wrote a file");
        return r.exitCode();
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Function<Random, Case>> mutations(byte[] example) {
        String text = new String(example, StandardCharsets.UTF_8);
        List<Integer> valueLines = valueLines(text);
        return List.of(
                random -> truncated(example, random),
                random -> flipped(example, random),
                random -> retyped(text, valueLines, random),
                random -> nested(text, random),
                random -> huge(text, random));
    }

    private static Case truncated(byte[] example, Random random) {
        int at = random.nextInt(example.length);
        return new Case("truncated at byte " + at, java.util.Arrays.copyOf(example, at));
    }

    private static Case flipped(byte[] example, Random random) {
        byte[] bytes = example.clone();
        List<String> flips = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) random.nextInt(256);
            flips.add(at + "=" + (bytes[at] & 0xff));
        }
        return new Case("bytes set " + flips, bytes);
    }

    private static Case retyped(String text, List<Integer> valueLines, Random random) {
        String[] lines = text.split("\n", -1);
        int line = valueLines.get(random.nextInt(valueLines.size()));
        String value = WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()));
        lines[line] = lines[line].substring(0, lines[line].indexOf(':') + 1) + " " + value;
        return new Case("line " + (line + 1) + " given " + value, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private static Case nested(String text, Random random) {
        int depth = 20 + random.nextInt(3000);
        boolean flow = random.nextBoolean();
        String value = flow ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
        return new Case((flow ? "sequences" : "mappings") + " nested " + depth + " deep",
                (text + "\nextra: " + value + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Case huge(String text, Random random) {
        String number = switch (random.nextInt(4)) {
            case 0 -> "9".repeat(20 + random.nextInt(5000));
            case 1 -> "-1e" + (309 + random.nextInt(100000));
            case 2 -> "0x" + "F".repeat(17 + random.nextInt(1000));
            default -> "1." + "0".repeat(random.nextInt(5000)) + "1e-400";
        };
        String key = random.nextBoolean() ? "    timeout: 60" : "  visibilityTimeout: 360";
        String replaced = text.replaceFirst(Pattern.quote(key), key.substring(0, key.indexOf(':') + 1) + " " + number);
        return new Case(key.strip().split(":")[0] + " given a " + number.length() + "-character number",
                replaced.getBytes(StandardCharsets.UTF_8));
    }

    /** Lines holding {@code key: value} with a scalar value, the ones a wrong type can replace. */
    private static List<Integer> valueLines(String text) {
        String[] lines = text.split("\n", -1);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\s*(- )?[A-Za-z]+: +[^#\\s].*")) {
                found.add(i);
            }
        }
        return found;
    }
}
