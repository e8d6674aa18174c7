package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.slk.core.findings.Severity;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.ReportFormat;
import dev.slk.core.report.Reports;
import dev.slk.scan.Baseline;
import dev.slk.scan.ScanOutcome;
import dev.slk.scan.ScanReport;
import dev.slk.scan.ScanRequest;
import dev.slk.scan.SecurityScan;
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
                Baseline.empty(), Severity.LOW, null);
        String boilerplate = allFormats(empty);
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
            ScanOutcome outcome = new ScanOutcome(report, Baseline.empty(), Severity.LOW, null);
            String all = allFormats(outcome) + report.findings();
            assertNoLeak(positive, all, boilerplate);
        }
        Set<String> rules = SecretRules.catalogue().stream().map(SecretRule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rules, covered, "every rule must be proven not to leak");
    }

    /** Every format of the one report layer, so that none of them can show a secret. */
    private static String allFormats(ScanOutcome outcome) {
        CheckReport report = outcome.toReport("test");
        StringBuilder all = new StringBuilder();
        for (ReportFormat format : ReportFormat.values()) {
            all.append(Reports.render(report, format, true).text());
        }
        return all.toString();
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
