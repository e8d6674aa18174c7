package dev.slk.stack.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.testing.Configs;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.stack.assets.CoreFunction;
import dev.slk.stack.assets.LambdaArtifacts;
import dev.slk.stack.testing.Stacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date check on its own: records, inputs that change and inputs that are only touched. */
class UpToDateCheckTest {
    /** Modification times are set, never waited for. */
    private static final Instant RECORDED = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private LambdaArtifacts artifacts;
    private YamlDocument config;
    private Path out;
    private Path asset;

    @BeforeEach
    void inputsAndTheirRecord() throws Exception {
        Path lambdas = Files.createDirectories(dir.resolve("lambda"));
        for (CoreFunction function : CoreFunction.values()) {
            write(lambdas.resolve(function.artifactId() + "-0.1.0-lambda.zip"), "zip of " + function.artifactId());
        }
        artifacts = new LambdaArtifacts(lambdas);
        config = new YamlLoader().parse(Configs.minimalWith(""), "config.yaml");
        asset = write(dir.resolve("module-lambda.zip"), "a module's package");
        out = dir.resolve("cdk.out");

        UpToDateCheck.Result first = check(false);
        assertEquals(new UpToDateCheck.Freshness.Stale("there is no assembly yet"), first.freshness());
        Files.createDirectories(out);
        InputFile packaged = ContentHashes.fresh().of("asset", asset).orElseThrow();
        Path record = out.resolve(UpToDateCheck.RECORD);
        Files.writeString(record, first.inputs().with(List.of(packaged)).toJson("demo-dev"));
        Files.setLastModifiedTime(record, FileTime.from(RECORDED));
    }

    private static Path write(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(RECORDED.minusSeconds(60)));
        return file;
    }

    private UpToDateCheck.Result check(boolean strict) {
        return UpToDateCheck.check(out, config, null, strict, Stacks.registry(), artifacts);
    }

    @Test
    void unchangedInputsAreUpToDate() {
        assertEquals(new UpToDateCheck.Freshness.UpToDate("demo-dev"), check(false).freshness());
    }

    @Test
    void aTouchedButUnchangedFileIsReadAgainAndStillUpToDate() throws Exception {
        Path zip = artifacts.zip(CoreFunction.EVENT_TRANSFORMER);
        Files.setLastModifiedTime(zip, FileTime.from(RECORDED.plusSeconds(60)));
        assertEquals(new UpToDateCheck.Freshness.UpToDate("demo-dev"), check(false).freshness());
    }

    @Test
    void aChangedLambdaPackageOrModuleAssetMakesItStale() throws Exception {
        Path zip = artifacts.zip(CoreFunction.EVENT_TRANSFORMER);
        Files.writeString(zip, "a new build");
        Files.setLastModifiedTime(zip, FileTime.from(RECORDED.plusSeconds(60)));
        assertEquals(new UpToDateCheck.Freshness.Stale("a Lambda package changed: " + zip.toAbsolutePath()),
                check(false).freshness());

        Files.writeString(zip, "zip of " + CoreFunction.EVENT_TRANSFORMER.artifactId());
        Files.writeString(asset, "a module's new package");
        Files.setLastModifiedTime(asset, FileTime.from(RECORDED.plusSeconds(60)));
        assertEquals(new UpToDateCheck.Freshness.Stale(asset.toAbsolutePath() + " changed"), check(false).freshness());

        Files.delete(asset);
        assertEquals(new UpToDateCheck.Freshness.Stale(asset.toAbsolutePath() + " is gone"), check(false).freshness());
    }

    @Test
    void anotherConfigOrStrictnessMakesItStale() throws Exception {
        assertEquals(new UpToDateCheck.Freshness.Stale("the configuration changed"), check(true).freshness());
        config = new YamlLoader().parse(Configs.minimalWith("environment: prod\n"), "config.yaml");
        assertEquals(new UpToDateCheck.Freshness.Stale("the configuration changed"), check(false).freshness());
    }

    @Test
    void aDamagedRecordIsNoRecord() throws Exception {
        Files.writeString(out.resolve(UpToDateCheck.RECORD), "{ not json");
        UpToDateCheck.Freshness freshness = check(false).freshness();
        assertEquals("it records no inputs", assertInstanceOf(UpToDateCheck.Freshness.Stale.class, freshness).reason());
        assertTrue(Files.isDirectory(out));
    }
}
