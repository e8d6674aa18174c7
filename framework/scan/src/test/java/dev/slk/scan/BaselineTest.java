package dev.slk.scan;

import dev.slk.core.findings.Severity;
import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.yaml.UnreadableInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    @TempDir
    Path dir;

    private final SecretScanner scanner = new SecretScanner(List.of(TestRules.ZQ));

    @Test
    void roundTripAcceptsOldFindingsAndFailsNewOnes() throws Exception {
        String old = TestRules.token('h');
        List<Finding> first = scanner.scan("a.env", "A=" + old + "\n");
        Path file = dir.resolve("baseline.json");
        Baseline.write(file, "baseline.json", first);
        String written = Files.readString(file);
        assertFalse(written.contains(old) || written.contains(old.substring(0, 8)), written);

        String fresh = TestRules.token('i');
        List<Finding> second = scanner.scan("a.env", "# moved\nA=" + old + "\nB=" + fresh + "\n");
        ScanOutcome outcome = new ScanOutcome(new ScanReport(second, List.of(), 1, 10, 0, Duration.ZERO),
                Baseline.read(file, "baseline.json"), Severity.MEDIUM, "baseline.json");
        List<Finding> judged = outcome.findings();
        assertEquals(new Acceptance.Baselined("baseline.json"), judged.get(0).acceptance());
        assertEquals(Finding.Status.BASELINED, judged.get(0).status(Severity.MEDIUM));
        assertEquals(Finding.Status.FAILING, judged.get(1).status(Severity.MEDIUM));
        assertEquals(1, outcome.failing().size());
    }

    @Test
    void aFileThatIsNotABaselineIsUnreadableInput() throws Exception {
        Path file = Files.writeString(dir.resolve("b.json"), "{\"findings\": 3}");
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> Baseline.read(file, "b.json"));
        assertTrue(e.getMessage().contains("is not an slk security-scan baseline"), e.getMessage());
        Path bad = Files.writeString(dir.resolve("c.json"), "{\"version\": 1, \"findings\": [{\"fingerprint\": \"x\"}]}");
        assertThrows(UnreadableInputException.class, () -> Baseline.read(bad, "c.json"));
    }

    @Test
    void thresholdDecidesWhatFails() {
        List<Finding> found = scanner.scan("a.env", "A=" + TestRules.token('j') + "\n");
        ScanReport report = new ScanReport(found, List.of(), 1, 10, 0, Duration.ZERO);
        assertTrue(new ScanOutcome(report, Baseline.empty(), Severity.CRITICAL, null).passed());
        assertFalse(new ScanOutcome(report, Baseline.empty(), Severity.HIGH, null).passed());
    }
}
