package dev.slk.checklist.packaging;

import dev.slk.assembly.Owner;
import dev.slk.assembly.StackTemplate;
import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.checklist.infra.Infrastructure;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.iam.IamSources;
import dev.slk.stack.nag.NagMessages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Packaging extra: {@code slk synth} with the module enabled succeeds and is cdk-nag clean. A
 * synthesis that does not write its assembly (invalid configuration, failed module hook, cdk-nag
 * errors) fails; so does any unsuppressed cdk-nag finding on the module's own resources, read from
 * the assembly's manifest.
 */
public final class SynthCheck implements Check {
    private final Infrastructure infrastructure;

    /** @param infrastructure where the module's synthesized resources are */
    public SynthCheck(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @Override
    public Item item() {
        return Item.SYNTH;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        Infrastructure.State state = infrastructure.of(module);
        if (state instanceof Infrastructure.Missing missing) {
            return missing.fails() ? new Measurement.Measured(List.of(missing.reason()), List.of(module.failure(item(),
                    module.dir().resolve("pom.xml"), 0, 0, missing.reason())))
                    : new Measurement.NotApplicable(missing.reason());
        }
        Infrastructure.Ready ready = (Infrastructure.Ready) state;
        Set<String> stacks = new LinkedHashSet<>();
        try {
            IamSources.assembly(ready.directory(), ready.display()).stacks().stream().map(StackTemplate::rootStackName)
                    .forEach(stacks::add);
        } catch (UnreadableInputException e) {
            return new Measurement.Measured(List.of(ready.how()), List.of(module.failure(item(), ready.directory(),
                    e.location().line(), e.location().column(), e.getMessage())));
        }
        Owner owner = new Owner.Module(module.id());
        List<Finding> findings = new ArrayList<>();
        for (String stack : stacks) {
            for (Finding f : NagMessages.of(ready.directory(), stack)) {
                if (f.location() instanceof ResourceLocation at && Owner.of(at.constructPath()).equals(owner)) {
                    findings.add(f);
                }
            }
        }
        return new Measurement.Measured(List.of("slk synth with the module enabled wrote " + ready.how()
                + "; cdk-nag findings on the module's resources: " + findings.size()), findings);
    }
}
