package dev.slk.scan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.CommitLocation;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.SourceLocation;
import dev.slk.scan.ScanReport;
import dev.slk.scan.ScanRequest;
import dev.slk.scan.SecurityScan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryScanTest {
    private static final Instant DAY1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DAY3 = Instant.parse("2026-03-03T10:00:00Z");

    @TempDir
    Path dir;

    private ScanReport scan(Path workspace, String since) throws IOException {
        return new SecurityScan().run(new ScanRequest(workspace, List.of(workspace), List.of(), null, null,
                ScanRequest.DEFAULT_MAX_FILE_BYTES, new GitScope.History(since)));
    }

    @Test
    void aSecretCommittedThenDeletedIsReportedAtTheCommitThatAddedIt() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "hello\n").commit("first", DAY1);
            RevCommit added = repo.write("config/app.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(0) + "\n")
                    .commit("add config", DAY2);
            repo.delete("config/app.env").commit("remove the key", DAY3);

            ScanReport report = scan(dir, null);

            assertEquals(1, report.findings().size(), report.findings().toString());
            Finding f = report.findings().get(0);
            assertEquals("aws-access-key-id", f.ruleId());
            CommitLocation at = assertInstanceOf(CommitLocation.class, f.location());
            assertEquals(added.name(), at.commit());
            assertEquals(DAY2, at.authorDate());
            assertEquals(new SourceLocation("config/app.env", 1, 19), at.source());
            assertEquals(3, report.history().commits());
            assertFalse(f.message().contains(awsKeyId(0).substring(4)), "the message shows at most 4 characters");
        }
    }

    @Test
    void aFindingStillInTheWorkTreeIsReportedOnceThereAndSaysSinceWhenItIsCommitted() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit added = repo.write("app.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(1) + "\n").commit("add", DAY1);
            // Later commits change the file around the key: new blobs, the same finding.
            repo.write("app.env", "# settings\nAWS_ACCESS_KEY_ID=" + awsKeyId(1) + "\n").commit("comment", DAY2);
            repo.write("app.env", "# settings\n\nAWS_ACCESS_KEY_ID=" + awsKeyId(1) + "\n").commit("space", DAY3);

            ScanReport report = scan(dir, null);

            assertEquals(1, report.findings().size(), report.findings().toString());
            Finding f = report.findings().get(0);
            assertEquals(new SourceLocation("app.env", 3, 19), f.location());
            assertTrue(f.message().endsWith("(committed since " + added.name().substring(0, 12) + ", 2026-03-01)"),
                    f.message());
        }
    }

    @Test
    void aSecretEditedAcrossCommitsIsReportedOnceWhereItFirstAppears() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit added = repo.write("a.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(2) + "\n").commit("add", DAY1);
            repo.write("a.env", "\nAWS_ACCESS_KEY_ID=" + awsKeyId(2) + "\n").commit("move", DAY2);
            repo.write("a.env", "nothing here\n").commit("remove", DAY3);

            ScanReport report = scan(dir, null);

            assertEquals(1, report.findings().size(), report.findings().toString());
            CommitLocation at = assertInstanceOf(CommitLocation.class, report.findings().get(0).location());
            assertEquals(added.name(), at.commit());
            assertEquals(1, at.line());
        }
    }

    @Test
    void aSuppressionAddedLaterAcceptsTheFindingWhereItFirstAppeared() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            String line = "AWS_ACCESS_KEY_ID=" + awsKeyId(8) + "\n";
            RevCommit added = repo.write("other/fixture.env", line).commit("add", DAY1);
            repo.write("other/fixture.env", "# slk-scan:" + "ignore aws-access-key-id made-up key of a test fixture\n" + line)
                    .commit("accept it", DAY2);
            repo.delete("other/fixture.env").commit("gone", DAY3);

            ScanReport report = scan(dir, null);

            assertEquals(1, report.findings().size(), report.findings().toString());
            Finding f = report.findings().get(0);
            assertEquals(added.name(), ((CommitLocation) f.location()).commit());
            assertTrue(f.accepted(), "suppressed by the later version's comment");
        }
    }

    @Test
    void everyBlobIsScannedOnceWhateverHowManyCommitsHoldIt() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("big/unchanged.txt", "same content\n").write("notes.txt", "v0\n").commit("c0", DAY1);
            for (int i = 1; i <= 5; i++) {
                repo.write("notes.txt", "v" + i + "\n").commit("c" + i, DAY1.plusSeconds(i));
            }
            // The same content under a second name is the same blob.
            repo.write("copy.txt", "same content\n").commit("copy", DAY2);

            ScanReport report = scan(dir, null);

            assertEquals(7, report.history().commits());
            assertEquals(7, report.history().blobs(), "unchanged.txt once, notes.txt in six versions");
        }
    }

    @Test
    void sinceLeavesOutTheHistoryOfTheRevisionAndTheBlobsItHolds() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("old.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(3) + "\n").commit("old", DAY1);
            repo.delete("old.env").write("keep.txt", "kept\n").commit("cleanup", DAY2).getName();
            repo.tag("v1");
            RevCommit added = repo.write("new.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(4) + "\n").commit("new", DAY3);
            repo.delete("new.env").commit("gone", DAY3.plusSeconds(60));

            ScanReport report = scan(dir, "v1");

            assertEquals(List.of("new.env"), report.findings().stream().map(f -> f.location().file()).toList());
            assertEquals(added.name(), ((CommitLocation) report.findings().get(0).location()).commit());
            assertEquals(2, report.history().commits());
            assertEquals(1, report.history().blobs(), "keep.txt is in v1's tree: only new.env is new");
            assertEquals(2, scan(dir, null).findings().size());
        }
    }

    @Test
    void historyOfBranchesOtherThanTheCurrentOneIsScanned() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit base = repo.write("README.md", "hi\n").commit("base", DAY1);
            try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.toFile())) {
                git.checkout().setCreateBranch(true).setName("feature").call();
                repo.write("feature.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(5) + "\n").commit("feature", DAY2);
                git.checkout().setName("main").call();
            }
            assertEquals(base.name(), org.eclipse.jgit.api.Git.open(dir.toFile()).getRepository()
                    .resolve("HEAD").name());

            ScanReport report = scan(dir, null);

            assertEquals(List.of("feature.env"), report.findings().stream().map(f -> f.location().file()).toList());
        }
    }

    @Test
    void aWorkspaceInsideTheRepositoryScansItsOwnSubtreeWithPathsRelativeToIt() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("outside.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(6) + "\n")
                    .write("ws/inside.env", "AWS_ACCESS_KEY_ID=" + awsKeyId(7) + "\n").commit("both", DAY1);
            repo.delete("outside.env").delete("ws/inside.env").commit("gone", DAY2);

            ScanReport report = scan(dir.resolve("ws"), null);

            assertEquals(List.of("inside.env"), report.findings().stream().map(f -> f.location().file()).toList());
        }
    }

    @Test
    void anUnknownSinceRevisionIsAnErrorThatNamesIt() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "hi\n").commit("base", DAY1);
            IOException e = assertThrows(IOException.class, () -> scan(dir, "no-such-tag"));
            assertTrue(e.getMessage().startsWith("--since no-such-tag: no such commit"), e.getMessage());
        }
    }

    @Test
    void aDirectoryOutsideAnyRepositoryIsRefusedAsSuch() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("plain"));
        IOException e = assertThrows(GitRepository.NotARepositoryException.class,
                () -> scan(dir.resolve("plain"), null));
        assertTrue(e.getMessage().endsWith("is not in a git repository"), e.getMessage());
    }

    /** An access key id made at run time, so this source holds none. */
    static String awsKeyId(int salt) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder key = new StringBuilder("AK").append("IA");
        java.util.Random random = new java.util.Random(salt * 7919L + 13);
        for (int i = 0; i < 16; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }
}
