package dev.slk.core.waivers;

import dev.slk.core.findings.Finding;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code slk waivers}: what each entry of the ledger matches, learnt by running every checking
 * command over everything it checks: validate-config on the chosen configuration, then each
 * registered command's complete run ({@link CommandRules#completeRun}).
 */
public final class WaiverAudit {
    private WaiverAudit() {
    }

    /**
     * What the checks run on.
     *
     * @param paths the workspace
     * @param registry the workspace's usable modules
     * @param config the chosen configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     */
    public record Input(WorkspacePaths paths, ModuleRegistry registry, YamlDocument config, String selectedEnvironment) {
    }

    /**
     * @param ledger the ledger
     * @param input what the checks run on
     * @return the ledger with each entry's matches; no check runs for an empty ledger
     * @throws IOException when a check cannot read the workspace
     */
    public static WaiverListing list(WaiverLedger ledger, Input input) throws IOException {
        List<Finding> findings = new ArrayList<>();
        if (!ledger.waivers().isEmpty()) {
            findings.addAll(new ConfigValidator(input.registry()).validate(input.config(), input.selectedEnvironment())
                    .findings());
            for (CommandRules command : CommandRules.installed()) {
                findings.addAll(command.completeRun(input));
            }
        }
        return new WaiverListing(ledger, ledger.judge(findings, WaiverLedger.Scope.matchingOnly()).matches());
    }
}
