package dev.slk.checklist.iam;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.ItemResult;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.checklist.infra.Infrastructure;
import dev.slk.core.findings.Finding;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.iam.IamAnalysis;
import dev.slk.iam.IamAnalyzer;
import dev.slk.iam.IamRequest;
import dev.slk.iam.IamSources;
import dev.slk.iam.catalogue.IamData;
import dev.slk.iam.envelope.AccessBaseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 3: the iam-analyzer on the module's resources of its synthesized cloud assembly finds
 * nothing at medium or above (its findings are the analyzer's own, so waivers of iam rules count),
 * and, when the module keeps an access baseline ({@value #BASELINE} in its directory, written by
 * {@code slk iam-analyzer --module ID --baseline ... --update-baseline}), its access does not
 * exceed it.
 */
public final class IamCheck implements Check {
    /** The module's access baseline, relative to its directory. */
    public static final String BASELINE = "iam-access.json";

    private final Infrastructure infrastructure;
    private IamData data;

    /** @param infrastructure where the module's synthesized resources are */
    public IamCheck(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @Override
    public Item item() {
        return Item.IAM;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        Infrastructure.State state = infrastructure.of(module);
        if (state instanceof Infrastructure.Missing missing) {
            return missing.fails() ? new Measurement.Measured(List.of(missing.reason()), List.of(module.failure(item(),
                    module.dir().resolve("pom.xml"), 0, 0, "no synthesized infrastructure to analyse: "
                            + missing.reason()))) : new Measurement.NotApplicable(missing.reason());
        }
        Infrastructure.Ready ready = (Infrastructure.Ready) state;
        IamSources sources;
        try {
            sources = IamSources.assembly(ready.directory(), ready.display());
        } catch (UnreadableInputException e) {
            return new Measurement.Measured(List.of(ready.how()), List.of(module.failure(item(), ready.directory(),
                    e.location().line(), e.location().column(), e.getMessage())));
        }
        if (!sources.hasModule(module.id())) {
            return new Measurement.NotApplicable(ready.how() + " holds no resource of the module");
        }
        Path baselineFile = module.dir().resolve(BASELINE);
        AccessBaseline baseline = Files.isRegularFile(baselineFile)
                ? AccessBaseline.read(baselineFile, module.relative(baselineFile)) : null;
        if (data == null) {
            data = IamData.bundled();
        }
        IamAnalysis analysis = new IamAnalyzer().analyze(new IamRequest(sources.stacks(), module.id(),
                data.catalogue(), data.managed(), sources.displayFile(), baseline,
                baseline == null ? null : module.relative(baselineFile)));
        List<Finding> findings = analysis.findings();
        long failing = findings.stream().filter(f -> f.severity().compareTo(ItemResult.FAIL_ON) >= 0).count();
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(java.util.Locale.ROOT, "iam-analyzer on %s: %d policies, %d statements; %d findings"
                + " at %s or above, %d below", ready.how(), analysis.policies().size(), analysis.statements(), failing,
                ItemResult.FAIL_ON.label(), findings.size() - failing));
        evidence.add(baseline == null ? "no access baseline (" + module.relative(baselineFile) + ") kept"
                : "access compared with " + module.relative(baselineFile));
        return new Measurement.Measured(evidence, findings);
    }
}
