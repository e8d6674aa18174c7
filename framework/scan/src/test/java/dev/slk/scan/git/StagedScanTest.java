package dev.slk.scan.git;

import static dev.slk.scan.git.HistoryScanTest.awsKeyId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.slk.core.findings.SourceLocation;
import dev.slk.scan.ScanReport;
import dev.slk.scan.ScanRequest;
import dev.slk.scan.SecurityScan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedScanTest {
    private static final Instant DAY1 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private ScanReport scan() throws IOException {
        return new SecurityScan().run(ScanRequest.staged(dir, ScanRequest.DEFAULT_MAX_FILE_BYTES));
    }

    private static List<String> files(ScanReport report) {
        return report.findings().stream().map(f -> f.location().file()).toList();
    }

    @Test
    void theStagedVersionIsScannedNotTheWorkTreeOne() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "hello\n").commit("first", DAY1);
            repo.write("app.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(10) + "\n").stage("app.env");
            repo.write("app.env", "AWS_ACCESS_KEY_ID=${KEY_ID}\n"); // cleaned, but not staged

            ScanReport report = scan();

            assertEquals(List.of("app.env"), files(report));
            assertInstanceOf(SourceLocation.class, report.findings().get(0).location());
            assertEquals(1, report.filesScanned());
        }
    }

    @Test
    void aSecretOnlyInTheWorkTreeIsNotStagedSoNotFound() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("app.env", "AWS_ACCESS_KEY_ID=${KEY_ID}\n").commit("first", DAY1);
            repo.write("app.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(11) + "\n"); // not staged
            repo.write("notes.txt", "staged note\n").stage("notes.txt");

            ScanReport report = scan();

            assertEquals(List.of(), files(report));
            assertEquals(1, report.filesScanned(), "only notes.txt is staged");
        }
    }

    @Test
    void filesUnchangedSinceHeadAndStagedDeletionsAreNotScanned() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("old.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(12) + "\n")
                    .write("gone.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(13) + "\n").commit("first", DAY1);
            repo.delete("gone.env").stageAll();

            ScanReport report = scan();

            assertEquals(List.of(), files(report), "old.env is committed already; gone.env is being deleted");
            assertEquals(0, report.filesScanned());
        }
    }

    @Test
    void beforeTheFirstCommitEveryStagedFileIsScanned() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "a\n").write("b/c.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(14) + "\n").stageAll();

            ScanReport report = scan();

            assertEquals(List.of("b/c.env"), files(report));
            assertEquals(2, report.filesScanned());
        }
    }
}
