package dev.slk.cli;

import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.deploy.ApprovalLevel;
import dev.slk.deploy.DeployRequest;
import java.io.IOException;
import java.util.Map;

/**
 * The config a deploy, diff, rollback or destroy acts on, read once from the command's config
 * options; the four commands differ only in the request flags they add.
 */
record DeployTarget(CliContext cli, YamlDocument document, ConfigSource.File file) {

    static DeployTarget read(CliContext cli, ConfigOptions options) throws UnreadableInputException, IOException {
        ConfigSource source = options.select(cli);
        YamlDocument document = ConfigReader.read(source);
        return new DeployTarget(cli, document, source instanceof ConfigSource.File f ? f : null);
    }

    DeployRequest request(boolean dryRun, boolean yes, ApprovalLevel approval, Map<String, String> skippedGates,
            int keep) {
        return new DeployRequest(document, file == null ? null : file.path(),
                file == null ? null : file.selectedEnvironment(), Modules.usable(cli), cli.paths(), dryRun, yes,
                approval, skippedGates, keep);
    }
}
