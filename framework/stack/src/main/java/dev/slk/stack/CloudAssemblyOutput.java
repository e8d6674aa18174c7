package dev.slk.stack;

import dev.slk.core.BuildInfo;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.io.Ownership;
import dev.slk.core.io.StagedDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code slk synth} may write: a directory that does not exist, is empty, or is a cloud
 * assembly slk wrote (it holds {@code manifest.json} and slk's marker {@value #MARKER}). Anything
 * else, {@code -o .} in a project or {@code -o ~} included, is refused before anything is touched.
 */
public final class CloudAssemblyOutput {
    /** The file slk writes into every cloud assembly it synthesizes. */
    public static final String MARKER = ".slk-assembly";

    private static final Ownership ASSEMBLY = Ownership.of("is not a cloud assembly slk wrote",
            dir -> Files.isRegularFile(dir.resolve("manifest.json")));

    private CloudAssemblyOutput() {
    }

    static StagedDirectory stage(Path outDirectory) throws OutputException {
        return AtomicWriter.stageDirectory(outDirectory, display(outDirectory), MARKER, ASSEMBLY);
    }

    /**
     * @param outDirectory where the assembly would go
     * @throws OutputException when slk may not write there
     */
    public static void check(Path outDirectory) throws OutputException {
        AtomicWriter.checkDirectory(outDirectory, display(outDirectory), MARKER, ASSEMBLY);
    }

    static String markerContent() {
        return "written by slk " + BuildInfo.slkVersion() + "; slk synth replaces this directory as a whole\n";
    }

    private static String display(Path outDirectory) {
        return outDirectory.toAbsolutePath().normalize().toString();
    }
}
