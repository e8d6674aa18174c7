package dev.slk.checklist.infra;

import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.assembly.CloudAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the checklist finds a module's synthesized infrastructure, for the items that read it:
 * IAM least privilege (3), security-scan clean and synth cdk-nag clean (packaging extras).
 */
public interface Infrastructure {

    /**
     * @param module the module
     * @return the cloud assembly that holds the module's resources, or why there is none
     * @throws IOException when the assembly cannot be written or read
     */
    State of(ModuleUnderCheck module) throws IOException;

    /** A module's infrastructure, or why there is none. */
    sealed interface State permits Ready, Missing {
    }

    /**
     * A cloud assembly with the module enabled.
     *
     * @param directory the assembly
     * @param display the directory as reports show it
     * @param how how it came to be, for the evidence (e.g. {@code cdk.out, up to date})
     */
    record Ready(Path directory, String display, String how) implements State {
        /** Checks the invariant. */
        public Ready {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /**
     * No assembly.
     *
     * @param reason why, one line
     * @param fails whether that fails the items (a synthesis that failed) or makes them N/A
     */
    record Missing(String reason, boolean fails) implements State {
    }

    /** @return no infrastructure: the items that read it do not apply */
    static Infrastructure none() {
        return module -> new Missing("no cloud assembly was asked for in this run", false);
    }

    /**
     * @param directory an assembly already synthesized with the module enabled
     * @param display the directory as reports show it
     * @return that assembly for every module, read as it is
     */
    static Infrastructure existing(Path directory, String display) {
        return module -> Files.isRegularFile(directory.resolve(CloudAssembly.MANIFEST))
                ? new Ready(directory, display, display + ", as it is")
                : new Missing(display + " holds no cloud assembly (run slk synth)", true);
    }
}
