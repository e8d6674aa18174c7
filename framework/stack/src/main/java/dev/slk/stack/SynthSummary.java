package dev.slk.stack;

import dev.slk.core.findings.Finding;
import dev.slk.stack.modules.LoadedModule;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one synthesis produced.
 *
 * @param stackName the stack, {@code <projectName>-<environment>}
 * @param outDirectory the cloud assembly directory (written only when {@code written})
 * @param templateFile the template's file name inside it
 * @param resourceCounts CloudFormation resource type to count, sorted by type
 * @param modules the enabled modules, in config order
 * @param outputs the stack's output ids
 * @param nagFindings unsuppressed cdk-nag and CDK findings
 * @param configWarnings the configuration's validation warnings
 * @param written whether the cloud assembly was written (no errors, and no warnings under --strict)
 * @param millis wall time of the synthesis, validation included
 */
public record SynthSummary(String stackName, String outDirectory, String templateFile,
        Map<String, Integer> resourceCounts, List<LoadedModule> modules, List<String> outputs,
        List<Finding> nagFindings, List<Finding> configWarnings, boolean written, long millis) {

    /** Copies the collections. */
    public SynthSummary {
        resourceCounts = Collections.unmodifiableMap(new TreeMap<>(resourceCounts));
        modules = List.copyOf(modules);
        outputs = List.copyOf(outputs);
        nagFindings = List.copyOf(nagFindings);
        configWarnings = List.copyOf(configWarnings);
    }

    /** @return the number of resources in the template */
    public int resourceTotal() {
        return resourceCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return the unsuppressed cdk-nag errors */
    public long nagErrors() {
        return nagFindings.stream().filter(f -> f.severity().isError()).count();
    }

    /** @return the unsuppressed cdk-nag warnings */
    public long nagWarnings() {
        return nagFindings.stream().filter(f -> !f.severity().isError()).count();
    }
}
