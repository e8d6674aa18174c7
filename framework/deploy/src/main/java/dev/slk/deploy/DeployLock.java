package dev.slk.deploy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One deployment of an environment at a time per workspace: a lock file created exclusively, naming
 * its holder (process, host, time, command), removed when the deployment ends. A lock whose process
 * is gone from this host is taken over.
 */
public final class DeployLock implements AutoCloseable {
    private final Path file;

    private DeployLock(Path file) {
        this.file = file;
    }

    /**
     * @param directory the environment's deployment directory
     * @param command what is about to run, for the holder's description
     * @return the lock, held
     * @throws DeployException when another deployment holds it
     * @throws IOException when it cannot be written
     */
    public static DeployLock acquire(Path directory, String command) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("deploy.lock");
        String holder = "pid " + ProcessHandle.current().pid() + " on " + host() + " since " + Instant.now() + ": "
                + command;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(Files.createFile(file), holder, StandardCharsets.UTF_8);
                return new DeployLock(file);
            } catch (FileAlreadyExistsException e) {
                String current = read(file);
                if (!stale(current)) {
                    throw new DeployException(2, "another deployment of this environment is running (" + current
                            + "); wait for it, or remove " + file + " if that process is gone");
                }
                Files.deleteIfExists(file);
            }
        }
        throw new DeployException(2, "cannot take the deployment lock " + file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    /** A lock is stale when it names a process on this host that no longer runs. */
    private static boolean stale(String holder) {
        String[] words = holder.split(" ");
        if (words.length < 4 || !words[0].equals("pid") || !words[3].equals(host())) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(words[1])).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        if (at >= 0) {
            return name.substring(at + 1);
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
