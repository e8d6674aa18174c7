package dev.slk.core.config;

import dev.slk.core.findings.SourceLocation;
import dev.slk.core.yaml.TextFiles;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import java.io.IOException;
import java.io.InputStream;

/** Reads the selected configuration source into a YAML document. */
public final class ConfigReader {
    private ConfigReader() {
    }

    /**
     * @param source where to read from
     * @return the parsed document
     * @throws UnreadableInputException when the source cannot be read or parsed
     */
    public static YamlDocument read(ConfigSource source) throws UnreadableInputException {
        YamlLoader loader = new YamlLoader();
        if (source instanceof ConfigSource.File file) {
            return loader.load(file.path(), file.displayName());
        }
        return loader.parse(bundledText((ConfigSource.BundledExample) source), source.displayName());
    }

    private static String bundledText(ConfigSource.BundledExample bundled) throws UnreadableInputException {
        try (InputStream in = ConfigReader.class.getResourceAsStream(ConfigSource.BundledExample.RESOURCE)) {
            if (in == null) {
                throw new UnreadableInputException(SourceLocation.ofFile(bundled.displayName()),
                        "slk is damaged: the bundled example config is missing");
            }
            return TextFiles.decode(in.readAllBytes(), bundled.displayName());
        } catch (IOException e) {
            throw new UnreadableInputException(SourceLocation.ofFile(bundled.displayName()), e.getMessage());
        }
    }
}
