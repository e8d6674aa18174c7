package dev.slk.deploy.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pinned CDK CLI for tests: CI starts with a cold cache and no slk installation, so tests
 * install npm {@code aws-cdk} at the pinned version themselves, once per build directory
 * ({@code slk.test.cdk.dir}), with npm, into a staging directory renamed into place.
 */
public final class TestCdkCli {
    private static CdkCli cli;

    private TestCdkCli() {
    }

    /** @return the pinned CLI, installed on first use */
    public static synchronized CdkCli get() {
        if (cli == null) {
            cli = CdkCliLocator.check(install());
        }
        return cli;
    }

    private static Path install() {
        String version = CdkCliLocator.pinned().toString();
        Path root = Path.of(System.getProperty("slk.test.cdk.dir", "target/cdk-cli")).toAbsolutePath();
        Path home = root.resolve(version);
        Path executable = home.resolve("node_modules/.bin/cdk");
        if (Files.isRegularFile(executable)) {
            return executable;
        }
        try {
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, version + ".staging-");
            Path log = staging.resolve("npm.log");
            Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", staging.toString(), "--no-audit",
                    "--no-fund", "--ignore-scripts", "--loglevel=error", "aws-cdk@" + version))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(300, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm install aws-cdk@" + version + " took over 300 s");
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm install aws-cdk@" + version + " failed: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another test JVM installed it first; its copy is as good.
            } catch (IOException e) {
                if (!Files.isRegularFile(executable)) {
                    throw e;
                }
            }
            return executable;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
