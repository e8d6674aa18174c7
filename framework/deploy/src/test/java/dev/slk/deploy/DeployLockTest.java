package dev.slk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondDeploymentOfTheEnvironmentIsRefusedNamingTheHolder() throws IOException {
        DeployLock held = DeployLock.acquire(dir, "slk deploy --env dev");
        try {
            DeployException e = assertThrows(DeployException.class, () -> DeployLock.acquire(dir, "slk deploy --env dev"));
            assertEquals(2, e.exitCode());
            assertTrue(e.getMessage().startsWith("another deployment of this environment is running (pid "
                    + ProcessHandle.current().pid() + " on "), e.getMessage());
            assertTrue(e.getMessage().contains(": slk deploy --env dev); wait for it, or remove "), e.getMessage());
        } finally {
            held.close();
        }
        assertFalse(Files.exists(dir.resolve("deploy.lock")));
    }

    @Test
    void aLockWhoseProcessIsGoneIsTakenOver() throws IOException {
        String host = java.lang.management.ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^[^@]*@", "");
        Files.writeString(dir.resolve("deploy.lock"), "pid 999999999 on " + host + " since 2026-01-01T00:00:00Z: slk deploy");
        DeployLock lock = DeployLock.acquire(dir, "slk deploy --env dev");
        assertTrue(Files.readString(dir.resolve("deploy.lock")).startsWith("pid " + ProcessHandle.current().pid()));
        lock.close();
    }
}
