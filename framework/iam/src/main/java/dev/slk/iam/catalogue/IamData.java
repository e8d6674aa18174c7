package dev.slk.iam.catalogue;

import dev.slk.core.findings.SourceLocation;
import dev.slk.core.yaml.UnreadableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The IAM data an analysis needs: the action catalogue, loaded now, and the AWS managed
 * policies, loaded on first use (most templates name none). Bundled with slk, or from a directory
 * {@code framework/iam/scripts/refresh-iam-data.sh --out DIR} wrote.
 *
 * @param catalogue the action catalogue
 * @param managed the managed policies, loaded once when first asked for
 * @param loadMillis how long loading the catalogue took
 */
public record IamData(ActionCatalogue catalogue, Supplier<ManagedPolicies> managed, long loadMillis) {

    /** @return the data bundled with slk */
    public static IamData bundled() {
        long start = System.nanoTime();
        ActionCatalogue catalogue = ActionCatalogue.bundled();
        return new IamData(catalogue, once(null), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * @param directory a directory holding a refreshed copy ({@code --iam-data DIR}), or null for the bundled data
     * @param display the directory as the user named it
     * @return its data
     * @throws UnreadableInputException when the catalogue in the directory cannot be read
     */
    public static IamData of(Path directory, String display) throws UnreadableInputException {
        if (directory == null) {
            return bundled();
        }
        try {
            return fromDirectory(directory);
        } catch (IOException e) {
            throw new UnreadableInputException(SourceLocation.ofFile(display), e.getMessage());
        }
    }

    /**
     * @param directory a directory holding {@value ActionCatalogue#FILE} and {@value ManagedPolicies#FILE}
     * @return its data
     * @throws IOException when the catalogue cannot be read
     */
    public static IamData fromDirectory(Path directory) throws IOException {
        long start = System.nanoTime();
        ActionCatalogue catalogue = ActionCatalogue.fromDirectory(directory);
        return new IamData(catalogue, once(directory), (System.nanoTime() - start) / 1_000_000);
    }

    private static Supplier<ManagedPolicies> once(Path directory) {
        return new Supplier<>() {
            private ManagedPolicies loaded;

            @Override
            public synchronized ManagedPolicies get() {
                if (loaded == null) {
                    try {
                        loaded = directory == null ? ManagedPolicies.bundled() : ManagedPolicies.fromDirectory(directory);
                    } catch (IOException e) {
                        throw new UncheckedIOException(directory + ": " + e.getMessage(), e);
                    }
                }
                return loaded;
            }
        };
    }
}
