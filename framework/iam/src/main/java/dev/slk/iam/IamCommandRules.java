package dev.slk.iam;

import dev.slk.assembly.CloudAssembly;
import dev.slk.core.findings.Finding;
import dev.slk.core.waivers.CommandRules;
import dev.slk.core.waivers.WaiverAudit;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.iam.catalogue.IamData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** The rules the iam-analyzer answers for in the waiver ledger: every rule of its catalogue. */
public final class IamCommandRules implements CommandRules {
    @Override
    public String command() {
        return IamOutcome.COMMAND;
    }

    @Override
    public Collection<String> ruleIds() {
        return IamOutcome.ruleIds();
    }

    /** The whole cloud assembly as it is; none (and so no findings) when the workspace has not synthesized. */
    @Override
    public List<Finding> completeRun(WaiverAudit.Input input) throws IOException {
        Path assembly = input.paths().assembly();
        if (!Files.isRegularFile(assembly.resolve(CloudAssembly.MANIFEST))) {
            return List.of();
        }
        IamSources sources;
        try {
            sources = IamSources.assembly(assembly, input.paths().display(assembly));
        } catch (UnreadableInputException e) {
            throw new IOException(e.getMessage(), e);
        }
        IamData data = IamData.bundled();
        return new IamAnalyzer().analyze(new IamRequest(sources.stacks(), null, data.catalogue(), data.managed(),
                sources.displayFile(), null, null)).findings();
    }
}
