package dev.slk.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks the configuration file from the command line, in the ways the reference framework
 * documents: {@code --config FILE}, CDK-style {@code -c configFile=FILE}, {@code --env ENV}
 * ({@code config.ENV.yaml}), else {@code ./config.yaml}, else the bundled example.
 */
public final class ConfigSelector {
    /** The context key {@code -c configFile=FILE} sets. */
    public static final String CONFIG_FILE_CONTEXT_KEY = "configFile";
    private static final Pattern ENVIRONMENT = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");

    private ConfigSelector() {
    }

    /**
     * @param workingDirectory where relative names are resolved and {@code config.yaml} is looked for
     * @param configFile {@code --config}, or null
     * @param context {@code -c key=value} pairs; only {@code configFile} is recognised
     * @param environment {@code --env}, or null
     * @return the source to read
     * @throws IllegalArgumentException when the options contradict each other or name an
     *     unknown context key; the message is meant for the user
     */
    public static ConfigSource select(Path workingDirectory, String configFile, Map<String, String> context,
            String environment) {
        for (String key : context.keySet()) {
            if (!CONFIG_FILE_CONTEXT_KEY.equals(key)) {
                throw new IllegalArgumentException("unknown context key '" + key + "': slk reads only -c "
                        + CONFIG_FILE_CONTEXT_KEY + "=FILE");
            }
        }
        String fromContext = context.get(CONFIG_FILE_CONTEXT_KEY);
        int chosen = (configFile != null ? 1 : 0) + (fromContext != null ? 1 : 0) + (environment != null ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException(
                    "choose the configuration one way: --config FILE, -c configFile=FILE or --env ENV");
        }
        if (configFile != null) {
            return file(workingDirectory, configFile, null);
        }
        if (fromContext != null) {
            return file(workingDirectory, fromContext, null);
        }
        if (environment != null) {
            if (!ENVIRONMENT.matcher(environment).matches()) {
                throw new IllegalArgumentException("--env '" + environment
                        + "' is not an environment name (lower-case letters, digits and hyphens, e.g. prod)");
            }
            return file(workingDirectory, "config." + environment + ".yaml", environment);
        }
        if (Files.exists(workingDirectory.resolve("config.yaml"))) {
            return file(workingDirectory, "config.yaml", null);
        }
        return new ConfigSource.BundledExample();
    }

    private static ConfigSource.File file(Path workingDirectory, String name, String environment) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("the configuration file name is empty");
        }
        return new ConfigSource.File(workingDirectory.resolve(name).normalize(), name, environment);
    }
}
