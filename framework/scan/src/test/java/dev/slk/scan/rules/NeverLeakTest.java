package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.slk.scan.Baseline;
import dev.slk.scan.RuleCatalogue;
import dev.slk.scan.ScanOutcome;
import dev.slk.scan.ScanReport;
import dev.slk.scan.ScanRequest;
import dev.slk.core.findings.Severity;
import dev.slk.scan.SecurityScan;
import dev.slk.scan.report.JsonReport;
import dev.slk.scan.report.SarifReport;
import dev.slk.scan.report.TextReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** For every rule, a true positive run through the whole scan never shows more than 4 characters of its secret. */
class NeverLeakTest {
    @TempDir
    Path dir;

    @Test
    void noReportFormatShowsMoreThanFourCharactersOfAnySecret() throws Exception {
        // Text every report holds whatever it found (rule metadata, field names), to tell words from leaks.
        ScanOutcome empty = new ScanOutcome(new ScanReport(List.of(), List.of(), 0, 0, 0, java.time.Duration.ZERO),
                Baseline.empty(), Severity.LOW, false);
        String boilerplate = TextReport.render(empty) + JsonReport.render(empty, "test")
                + SarifReport.render(empty, RuleCatalogue.all(), "test");
        Set<String> covered = new TreeSet<>();
        int i = 0;
        for (Positive positive : PositiveCases.all()) {
            Path root = Files.createDirectories(dir.resolve("case" + i++));
            Files.writeString(root.resolve("sample.txt"), positive.text());
            ScanReport report = new SecurityScan().run(new ScanRequest(root, List.of(root), List.of(), null, null,
                    ScanRequest.DEFAULT_MAX_FILE_BYTES));
            if (report.findings().stream().noneMatch(f -> f.ruleId().equals(positive.rule()))) {
                continue; // a case that relies on a file name or context the sample file lacks
            }
            covered.add(positive.rule());
            ScanOutcome outcome = new ScanOutcome(report, Baseline.empty(), Severity.LOW, false);
            String all = TextReport.render(outcome) + JsonReport.render(outcome, "test")
                    + SarifReport.render(outcome, RuleCatalogue.all(), "test") + report.findings();
            assertNoLeak(positive, all, boilerplate);
        }
        Set<String> rules = SecretRules.catalogue().stream().map(SecretRule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rules, covered, "every rule must be proven not to leak");
    }

    private static void assertNoLeak(Positive positive, String output, String boilerplate) {
        String secret = positive.secret();
        String prefix = secret.substring(0, Math.min(secret.length(), 5));
        assertFalse(secret.length() > 8 && output.contains(prefix) && !boilerplate.contains(prefix),
                positive.rule() + " / " + positive.name() + ": more than 4 leading characters shown");
        for (int start = 0; start + 8 <= secret.length(); start++) {
            String window = secret.substring(start, start + 8);
            assertFalse(output.contains(window) && !boilerplate.contains(window), positive.rule() + " / "
                    + positive.name() + ": a piece of the secret appears in the output");
        }
    }
}
