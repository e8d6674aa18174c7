package dev.slk.core.config;

import dev.slk.core.text.Echo;
import dev.slk.core.workspace.WorkspacePaths;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the configuration file from the command line, in the ways the reference framework
 * documents: {@code --config FILE}, CDK-style {@code -c configFile=FILE}, {@code --env ENV}
 * ({@code config.ENV.yaml}), else {@code config.yaml}, else the bundled example. The last three are
 * looked for in the workspace root, so every directory of a workspace reads the same file.
 */
public final class ConfigSelector {
    /** The context key {@code -c configFile=FILE} sets. */
    public static final String CONFIG_FILE_CONTEXT_KEY = "configFile";
    /** What an environment name ({@code --env ENV}) may be, as a regular expression without anchors. */
    static final String ENVIRONMENT_NAME = "[a-z][a-z0-9-]{0,31}";
    private static final Pattern ENVIRONMENT = Pattern.compile("^" + ENVIRONMENT_NAME + "$");

    private ConfigSelector() {
    }

    /**
     * @param paths the names the user typed ({@code --config}, {@code -c}) are resolved against its
     *     working directory; {@code config.yaml} and {@code config.ENV.yaml} are looked for in its root
     * @param configFile {@code --config}, or null
     * @param context the {@code -c KEY=VALUE} arguments, in order; only {@code configFile} is recognised
     * @param environment {@code --env}, or null
     * @return the source to read
     * @throws IllegalArgumentException when the options contradict each other, repeat the context
     *     key or name an unknown one; the message is meant for the user
     */
    public static ConfigSource select(WorkspacePaths paths, Path configFile, List<String> context,
            String environment) {
        String fromContext = contextFile(context);
        int chosen = (configFile != null ? 1 : 0) + (fromContext != null ? 1 : 0) + (environment != null ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException(
                    "choose the configuration one way: --config FILE, -c configFile=FILE or --env ENV");
        }
        if (configFile != null) {
            return typed(paths, configFile.toString());
        }
        if (fromContext != null) {
            return typed(paths, fromContext);
        }
        if (environment != null) {
            if (!ENVIRONMENT.matcher(environment).matches()) {
                throw new IllegalArgumentException("--env " + Echo.quoted(environment)
                        + " is not an environment name (lower-case letters, digits and hyphens, e.g. prod)");
            }
            return found(paths, "config." + environment + ".yaml", environment);
        }
        if (Files.exists(paths.root().resolve("config.yaml"))) {
            return found(paths, "config.yaml", null);
        }
        return new ConfigSource.BundledExample();
    }

    /**
     * The file {@code -c configFile=FILE} names. The key may be given once, as {@code --config}
     * may: a second one is refused rather than silently winning.
     */
    private static String contextFile(List<String> context) {
        String file = null;
        for (String argument : context) {
            int equals = argument.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("-c " + Echo.quoted(argument) + " is not KEY=VALUE, e.g. -c "
                        + CONFIG_FILE_CONTEXT_KEY + "=config.prod.yaml");
            }
            String key = argument.substring(0, equals);
            if (!CONFIG_FILE_CONTEXT_KEY.equals(key)) {
                throw new IllegalArgumentException("unknown context key " + Echo.quoted(key) + ": slk reads only -c "
                        + CONFIG_FILE_CONTEXT_KEY + "=FILE");
            }
            if (file != null) {
                throw new IllegalArgumentException("option '-c " + CONFIG_FILE_CONTEXT_KEY
                        + "' (FILE) should be specified only once");
            }
            file = argument.substring(equals + 1);
        }
        return file;
    }

    private static ConfigSource.File typed(WorkspacePaths paths, String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("the configuration file name is empty");
        }
        try {
            return new ConfigSource.File(paths.resolve(Path.of(name)), name, null);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(Echo.quoted(name) + " is not a file name: " + e.getReason());
        }
    }

    private static ConfigSource.File found(WorkspacePaths paths, String name, String environment) {
        Path path = paths.root().resolve(name);
        return new ConfigSource.File(path, paths.display(path), environment);
    }
}
