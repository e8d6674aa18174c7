package dev.slk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.testing.ReportSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slk security-scan --history}: real repositories in temporary directories. */
class SecurityScanGitTest {
    @TempDir
    Path dir;

    /** A GitHub-shaped token built at run time, so this source holds none. */
    private static String githubToken(char fill) {
        return "gh" + "p_" + String.valueOf(fill).repeat(20) + "0123456789AbCdEf";
    }

    private RevCommit commit(Git git, String message, Instant when) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Test Author", "author@example.com", when, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private void write(String file, String content) throws Exception {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    @Test
    void historyReportsADeletedSecretWithItsCommitDateAndPath() throws Exception {
        String token = githubToken('h');
        RevCommit added;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("README.md", "hello\n");
            commit(git, "first", Instant.parse("2026-03-01T10:00:00Z"));
            write("src/App.java", "class App {\n    String t = \"" + token + "\";\n}\n");
            added = commit(git, "add app", Instant.parse("2026-03-02T10:00:00Z"));
            Files.delete(dir.resolve("src/App.java"));
            commit(git, "remove the token", Instant.parse("2026-03-03T10:00:00Z"));
        }

        Slk.Result clean = Slk.run(dir, "security-scan", "--no-infra");
        assertEquals(0, clean.exitCode(), "the work tree alone holds nothing: " + clean.out() + clean.err());

        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--history");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("src/App.java:2:17 in commit " + added.name().substring(0, 12)
                + " (2026-03-02): error: GitHub token: 'ghp_...' (40 characters) [github-token]\n"), r.out());
        assertTrue(r.out().contains("1 finding fails at --fail-on medium"), r.out());
        assertTrue(r.out().contains(" and 3 commits (2 blobs, "), r.out());
        assertFalse(r.out().contains(token.substring(0, 5)) || r.err().contains(token.substring(0, 5)), r.out());

        Slk.Result json = Slk.run(dir, "security-scan", "--no-infra", "--history", "--format", "json");
        assertEquals(1, json.exitCode(), json.err());
        JsonNode report = ReportSchemas.assertValidJsonReport(json.out());
        JsonNode location = report.at("/findings/0/location");
        assertEquals(added.name(), location.get("commit").asText());
        assertEquals("2026-03-02T10:00:00Z", location.get("authorDate").asText());
        assertEquals("src/App.java", location.get("file").asText());
        assertEquals(3, report.at("/facts/commitsScanned").asInt());

        Slk.Result sarif = Slk.run(dir, "security-scan", "--no-infra", "--history", "--format", "sarif");
        assertEquals(1, sarif.exitCode(), sarif.err());
        JsonNode result = ReportSchemas.assertValidSarif(sarif.out()).at("/runs/0/results/0");
        assertEquals(added.name(), result.at("/properties/commit").asText());
    }

    @Test
    void sinceLeavesOutTheOlderHistory() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("old.env", "GITHUB_TOKEN=" + githubToken('o') + "\n");
            commit(git, "old", Instant.parse("2026-03-01T10:00:00Z"));
            Files.delete(dir.resolve("old.env"));
            commit(git, "cleanup", Instant.parse("2026-03-02T10:00:00Z"));
            git.tag().setName("v1").setAnnotated(false).call();
            write("notes.txt", "nothing secret\n");
            commit(git, "notes", Instant.parse("2026-03-03T10:00:00Z"));
        }
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--history", "--since", "v1");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(" and 1 commit (1 blob, "), r.out());
    }

    @Test
    void gitOptionsMisusedAreUsageErrorsOfOneLine() throws Exception {
        Slk.Result since = Slk.run(dir, "security-scan", "--since", "v1");
        assertEquals(2, since.exitCode());
        assertEquals("slk: error: --since needs --history\n", since.err().lines().findFirst().orElse("") + "\n");
        write("a.txt", "x\n");
        Slk.Result paths = Slk.run(dir, "security-scan", "--history", "a.txt");
        assertEquals(2, paths.exitCode());
        assertTrue(paths.err().startsWith("slk: error: --history scans the whole workspace"), paths.err());
        Slk.Result noRepo = Slk.run(dir, "security-scan", "--no-infra", "--history");
        assertEquals(2, noRepo.exitCode(), noRepo.out() + noRepo.err());
        assertTrue(noRepo.err().startsWith("slk: error: ") && noRepo.err().contains("is not in a git repository"),
                noRepo.err());
        assertEquals(1, noRepo.err().lines().count(), noRepo.err());
    }

    @Test
    void anUnknownSinceRevisionIsExitTwoNamingIt() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("README.md", "hello\n");
            commit(git, "first", Instant.parse("2026-03-01T10:00:00Z"));
        }
        Slk.Result r = Slk.run(dir, "security-scan", "--no-infra", "--history", "--since", "nope");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--since nope: no such commit"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void stagedScansTheIndexNotTheWorkTree() throws Exception {
        String token = githubToken('s');
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write("README.md", "hello\n");
            commit(git, "first", Instant.parse("2026-03-01T10:00:00Z"));
            write("src/App.java", "class App {\n    String t = \"" + token + "\";\n}\n");
            git.add().addFilepattern("src/App.java").call();
            write("src/App.java", "class App {\n    String t = System.getenv(\"T\");\n}\n"); // not staged
            write("work.env", "GITHUB_TOKEN=" + githubToken('w') + "\n"); // not staged either

            Slk.Result r = Slk.run(dir, "security-scan", "--staged");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().startsWith("src/App.java:2:17: error: GitHub token: 'ghp_...' (40 characters)"), r.out());
            assertFalse(r.out().contains("work.env"), r.out());
            assertTrue(r.out().contains("; 1 file, "), r.out());
            assertTrue(r.err().isEmpty(), r.err());

            git.add().addFilepattern("src/App.java").call(); // the cleaned version staged
            Slk.Result clean = Slk.run(dir, "security-scan", "--staged");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        }
        Slk.Result mixed = Slk.run(dir, "security-scan", "--staged", "--history");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().startsWith("slk: error: --staged scans the index"), mixed.err());
    }

    @Test
    void installHookWritesTheHookAndKeepsAForeignOneWithoutForce() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Path hook = git.getRepository().getDirectory().toPath().resolve("hooks/pre-commit");
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, "#!/bin/sh\nexec make lint\n");

            Slk.Result refused = Slk.run(dir, "security-scan", "--install-hook");
            assertEquals(2, refused.exitCode(), refused.out() + refused.err());
            assertTrue(refused.err().contains("a pre-commit hook exists that slk did not write"), refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertEquals("#!/bin/sh\nexec make lint\n", Files.readString(hook));

            Slk.Result forced = Slk.run(dir, "security-scan", "--install-hook", "--force");
            assertEquals(0, forced.exitCode(), forced.out() + forced.err());
            assertTrue(forced.err().contains("installed the pre-commit hook"), forced.err());
            assertTrue(Files.readString(hook).contains("exec slk security-scan --staged"));
            assertTrue(Files.isExecutable(hook));
        }
        Slk.Result force = Slk.run(dir, "security-scan", "--force");
        assertEquals(2, force.exitCode());
        assertTrue(force.err().startsWith("slk: error: --force needs --install-hook"), force.err());
    }
}
