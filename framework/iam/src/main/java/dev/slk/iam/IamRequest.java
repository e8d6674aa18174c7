package dev.slk.iam;

import dev.slk.assembly.StackTemplate;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ManagedPolicies;
import dev.slk.iam.envelope.AccessBaseline;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What to analyse.
 *
 * @param stacks the templates (of a cloud assembly, or the files of {@code --template})
 * @param module the module whose findings and access to report, or null for all
 * @param catalogue the action catalogue
 * @param managed the AWS managed policies, loaded on first use
 * @param displayFile a template's file as reports show it
 * @param baseline the accepted access, or null
 * @param baselineFile the baseline as the user named it, or null
 */
public record IamRequest(List<StackTemplate> stacks, String module, ActionCatalogue catalogue,
        Supplier<ManagedPolicies> managed, Function<String, String> displayFile, AccessBaseline baseline,
        String baselineFile) {
    /** Copies the list. */
    public IamRequest {
        stacks = List.copyOf(stacks);
    }
}
