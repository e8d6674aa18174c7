package dev.slk.scan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.io.OutputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreCommitHookTest {
    @TempDir
    Path dir;

    @Test
    void installsAnExecutableHookThatRunsTheStagedScan() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            Path hook = PreCommitHook.install(repo.root(), false);

            assertEquals(dir.resolve(".git/hooks/pre-commit").toRealPath(), hook.toRealPath());
            assertTrue(Files.isExecutable(hook));
            assertTrue(Files.readString(hook).contains("exec slk security-scan --staged\n"));
            assertEquals(hook, PreCommitHook.install(repo.root(), false), "its own hook is replaced without --force");
        }
    }

    @Test
    void anExistingHookIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            Path hook = dir.resolve(".git/hooks/pre-commit");
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, "#!/bin/sh\nexec make lint\n");

            OutputException refused = assertThrows(OutputException.class, () -> PreCommitHook.install(repo.root(), false));

            assertTrue(refused.getMessage().contains("a pre-commit hook exists that slk did not write"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
            assertEquals("#!/bin/sh\nexec make lint\n", Files.readString(hook));

            PreCommitHook.install(repo.root(), true);
            assertTrue(Files.readString(hook).contains(PreCommitHook.MARKER));
        }
    }

    @Test
    void coreHooksPathIsHonoured() throws Exception {
        try (TestRepository repo = TestRepository.init(dir); Git git = Git.open(dir.toFile())) {
            var config = git.getRepository().getConfig();
            config.setString("core", null, "hooksPath", "tools/hooks");
            config.save();

            Path hook = PreCommitHook.install(repo.root(), false);

            assertEquals(dir.resolve("tools/hooks/pre-commit"), hook);
            assertTrue(Files.isRegularFile(hook));
        }
    }
}
