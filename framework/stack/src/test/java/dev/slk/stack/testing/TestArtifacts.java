package dev.slk.stack.testing;

import dev.slk.stack.assets.CoreFunction;
import dev.slk.stack.assets.LambdaArtifacts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small, byte-stable stand-ins for the core functions' deployment artifacts. The stack's
 * templates depend on an artifact's hash, never its contents; the real artifacts are exercised
 * by the command tests and install.sh.
 */
public final class TestArtifacts {
    private static final Path DIRECTORY = create();

    private TestArtifacts() {
    }

    /** @return artifacts in a directory made once per test JVM */
    public static LambdaArtifacts artifacts() {
        return new LambdaArtifacts(DIRECTORY);
    }

    /** @return a zip any test Lambda may use as its code */
    public static Path anyZip() {
        return DIRECTORY.resolve(CoreFunction.EVENT_TRANSFORMER.artifactId() + "-0.0.0-lambda.zip");
    }

    private static Path create() {
        try {
            Path directory = Files.createTempDirectory("slk-test-lambdas");
            for (CoreFunction function : CoreFunction.values()) {
                Path zip = directory.resolve(function.artifactId() + "-0.0.0-lambda.zip");
                try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
                    ZipEntry entry = new ZipEntry("handler.txt");
                    entry.setLastModifiedTime(FileTime.fromMillis(0));
                    zipOut.putNextEntry(entry);
                    zipOut.write(function.handler().getBytes(StandardCharsets.UTF_8));
                    zipOut.closeEntry();
                }
            }
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
