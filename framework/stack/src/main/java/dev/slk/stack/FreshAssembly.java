package dev.slk.stack;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A cloud assembly brought up to date before a command reads it, as {@code slk synth} would: the
 * synthesizer answers at once when the assembly's recorded inputs are today's, and synthesizes
 * when it is missing or older than them. The iam-analyzer, the checklist and deploy read their
 * assembly through this, so a chain of commands pays for one synthesis at most.
 */
public final class FreshAssembly {
    private FreshAssembly() {
    }

    /** Where the assembly stands after {@link #ensure}. */
    public sealed interface Outcome {
        /** @return the assembly directory */
        Path directory();
    }

    /**
     * The assembly was already up to date; nothing was built or written.
     *
     * @param directory the assembly
     * @param stackName the stack it holds
     */
    public record Current(Path directory, String stackName) implements Outcome {
    }

    /**
     * The assembly was synthesized and written.
     *
     * @param directory the assembly
     * @param summary what the synthesis built and what cdk-nag found
     */
    public record Synthesized(Path directory, SynthSummary summary) implements Outcome {
    }

    /**
     * The assembly could not be written: the configuration is invalid, a module hook failed, or
     * cdk-nag found errors. Whatever was there before is left as it was.
     *
     * @param directory the assembly
     * @param reason one line saying why
     */
    public record NotWritten(Path directory, String reason) implements Outcome {
    }

    /**
     * For a command that reads the assembly and has nothing to say about a synthesis but that it ran.
     *
     * @param synthesizer the synthesizer of the workspace's modules
     * @param document the configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @param directory the assembly directory
     * @param display the directory as reports show it (e.g. {@code cdk.out})
     * @return whether it was synthesized (false: it was up to date)
     * @throws UnreadableInputException when it was missing or out of date and could not be written
     * @throws NodeRuntime.NodeUnavailableException when a synthesis is needed and node cannot run
     * @throws dev.slk.core.io.OutputException when the directory is refused or cannot be written
     * @throws IOException when the staged assembly cannot be read back
     */
    public static boolean require(Synthesizer synthesizer, YamlDocument document, String selectedEnvironment,
            Path directory, String display) throws IOException, UnreadableInputException {
        Outcome outcome = ensure(synthesizer, document, selectedEnvironment, directory);
        if (outcome instanceof NotWritten refused) {
            throw new UnreadableInputException(SourceLocation.ofFile(display),
                    "it is missing or older than its inputs, and slk synth could not write it: " + refused.reason());
        }
        return outcome instanceof Synthesized;
    }

    /**
     * @param synthesizer the synthesizer of the workspace's modules
     * @param document the configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @param directory the assembly directory
     * @return where the assembly stands
     * @throws NodeRuntime.NodeUnavailableException when a synthesis is needed and node cannot run
     * @throws dev.slk.core.io.OutputException when the directory is refused or cannot be written
     * @throws IOException when the staged assembly cannot be read back
     */
    public static Outcome ensure(Synthesizer synthesizer, YamlDocument document, String selectedEnvironment,
            Path directory) throws IOException {
        SynthResult result = synthesizer.synthesize(document, selectedEnvironment, directory, false);
        if (result instanceof SynthResult.UpToDate up) {
            return new Current(directory, up.stackName());
        }
        if (result instanceof SynthResult.Synthesized done) {
            SynthSummary summary = done.summary();
            return summary.written() ? new Synthesized(directory, summary) : new NotWritten(directory, "cdk-nag found "
                    + summary.nagErrors() + " error(s)" + summary.nagFindings().stream()
                            .filter(f -> f.severity().isError()).findFirst()
                            .map(f -> ", first " + f.ruleId() + " at " + f.location() + ": " + f.message()).orElse(""));
        }
        if (result instanceof SynthResult.Failed failed) {
            return new NotWritten(directory, failed.reason());
        }
        List<Finding> errors = ((SynthResult.Invalid) result).report().errors();
        return new NotWritten(directory, "the configuration is invalid" + errors.stream().findFirst()
                .map(f -> ": " + f.location() + ": " + f.message()
                        + (errors.size() > 1 ? " (the first of " + errors.size() + " errors: slk validate-config lists them)" : ""))
                .orElse(""));
    }
}
