package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository scans itself in CI, so the rule sources and these tests must hold no literal
 * that any rule reports: every test secret is assembled at run time.
 */
class SelfScanTest {

    private static final List<Path> ROOTS = List.of(
            Path.of("src/main/java/dev/slk/scan/rules"), Path.of("src/test/java/dev/slk/scan/rules"));

    @Test
    void ruleSourcesAndTestsHoldNoSecret() throws IOException {
        List<String> findings = new ArrayList<>();
        int files = 0;
        for (Path root : ROOTS) {
            assertTrue(Files.isDirectory(root), "run from the module directory: " + root.toAbsolutePath());
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(root)) {
                sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path source : sources) {
                files++;
                findings.addAll(scan(source));
            }
        }
        assertTrue(files > 10, "scanned " + files + " files");
        assertEquals(List.of(), findings);
    }

    private static List<String> scan(Path source) {
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> findings = new ArrayList<>();
        for (SecretRule rule : SecretRules.catalogue()) {
            if (rule.keywords().stream().noneMatch(lower::contains)) {
                continue;
            }
            for (SecretMatch m : rule.detector().find(text)) {
                findings.add(rule.id() + " in " + source.getFileName() + " at " + m.start() + ": "
                        + m.secret().substring(0, Math.min(4, m.secret().length())) + "...");
            }
        }
        return findings;
    }
}
