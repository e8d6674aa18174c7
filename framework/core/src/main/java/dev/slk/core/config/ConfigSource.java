package dev.slk.core.config;

import java.nio.file.Path;

/** Where the project configuration is read from. */
public sealed interface ConfigSource permits ConfigSource.File, ConfigSource.BundledExample {

    /** @return the name used in locations and messages */
    String displayName();

    /** @return the environment {@code --env} named, or null (no {@code --env}, or the bundled example) */
    String selectedEnvironment();

    /**
     * A file on disk.
     *
     * @param path the file
     * @param displayName the name as the user gave it
     * @param selectedEnvironment the environment named by {@code --env}, or null
     */
    record File(Path path, String displayName, String selectedEnvironment) implements ConfigSource {
    }

    /** The example configuration inside slk, used when the working directory has no config.yaml. */
    record BundledExample() implements ConfigSource {
        /** Resource path of the example inside the slk-core jar. */
        public static final String RESOURCE = "/dev/slk/core/config/config.example.yaml";

        @Override
        public String displayName() {
            return "config.example.yaml (bundled)";
        }

        @Override
        public String selectedEnvironment() {
            return null;
        }
    }
}
