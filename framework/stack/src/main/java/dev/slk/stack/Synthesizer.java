package dev.slk.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.config.ProjectConfig;
import dev.slk.core.findings.Finding;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.StagedDirectory;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.spi.JsiiMaps;
import dev.slk.stack.assets.LambdaArtifacts;
import dev.slk.stack.core.CoreStack;
import dev.slk.stack.core.ResourceNames;
import dev.slk.stack.core.StackConfigurationException;
import dev.slk.stack.inputs.AssetReuse;
import dev.slk.stack.inputs.UpToDateCheck;
import dev.slk.stack.modules.LoadedModule;
import dev.slk.stack.modules.ModuleAssembly;
import dev.slk.stack.modules.ModuleHookException;
import dev.slk.stack.nag.NagMessages;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/**
 * {@code slk synth}: validates the configuration exactly as validate-config does, builds the core
 * stack and every enabled module in-process with aws-cdk-lib, runs cdk-nag's AwsSolutionsChecks,
 * and writes the cloud assembly only when all of that succeeded. An assembly whose recorded inputs
 * are today's is up to date and is not synthesized again (see {@link UpToDateCheck}); when a synthesis
 * runs, the old assembly's unchanged assets are reused, not copied (see {@link AssetReuse}).
 */
public final class Synthesizer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Construct stack traces name the jsii runtime's temporary directory, which differs on every run;
     * without them the whole assembly is reproducible. Path metadata ({@code aws:cdk:path} on every
     * resource) is what the cloud-assembly model attributes resources to modules by; the CDK CLI turns
     * it on for its apps, an App built in-process has to ask for it. Key-ordered, as every map handed to jsii.
     */
    private static final Map<String, Object> APP_CONTEXT = JsiiMaps.sorted(Map.of(
            "aws:cdk:disable-stack-trace", true,
            "aws:cdk:enable-path-metadata", true));

    private final ModuleRegistry registry;
    private final LambdaArtifacts artifacts;
    private final String nodeCommand;
    private final Consumer<String> progress;

    /**
     * @param registry the discovered modules
     * @param artifacts where slk's Lambda deployment artifacts are
     * @param nodeCommand the node executable jsii will run (see {@link NodeRuntime#command})
     * @param progress receives a short line as each stage starts
     */
    public Synthesizer(ModuleRegistry registry, LambdaArtifacts artifacts, String nodeCommand,
            Consumer<String> progress) {
        this.registry = registry;
        this.artifacts = artifacts;
        this.nodeCommand = nodeCommand;
        this.progress = progress;
    }

    /**
     * Synthesizes unless the assembly is up to date.
     *
     * @param document the parsed configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @param outDirectory where the cloud assembly goes
     * @param strict whether warnings (of the config and of cdk-nag) fail the synthesis
     * @return the result; nothing is written unless it is a {@link SynthResult.Synthesized} whose
     *     summary says so
     * @throws dev.slk.core.io.OutputException when the output directory is refused or cannot be written
     * @throws IOException when the staged assembly cannot be read back
     */
    public SynthResult synthesize(YamlDocument document, String selectedEnvironment, Path outDirectory, boolean strict)
            throws IOException {
        return synthesize(document, selectedEnvironment, outDirectory, strict, false);
    }

    /**
     * @param document the parsed configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @param outDirectory where the cloud assembly goes
     * @param strict whether warnings (of the config and of cdk-nag) fail the synthesis
     * @param force synthesize even when the assembly is up to date
     * @return the result; nothing is written unless it is a {@link SynthResult.Synthesized} whose
     *     summary says so; {@link SynthResult.UpToDate} when the assembly's recorded inputs are today's
     * @throws dev.slk.core.io.OutputException when the output directory is refused or cannot be written
     * @throws IOException when the staged assembly cannot be read back
     */
    public SynthResult synthesize(YamlDocument document, String selectedEnvironment, Path outDirectory, boolean strict,
            boolean force) throws IOException {
        long start = System.nanoTime();
        // The record's time says which input files may be trusted unread next time: those not modified since now.
        FileTime startedAt = FileTime.from(Instant.now());
        CloudAssemblyOutput.check(outDirectory);
        UpToDateCheck.Result inputs = UpToDateCheck.check(outDirectory, document, selectedEnvironment, strict,
                registry, artifacts);
        if (!force && inputs.freshness() instanceof UpToDateCheck.Freshness.UpToDate upToDate) {
            return new SynthResult.UpToDate(upToDate.stackName(), outDirectory.toString(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        progress.accept("validating " + document.file());
        ValidationReport report = new ConfigValidator(registry).validate(document, selectedEnvironment);
        if (strict) {
            report = report.strict();
        }
        if (!report.valid() || report.config().isEmpty()) {
            return new SynthResult.Invalid(report);
        }
        ProjectConfig config = report.config().get();
        String node = NodeRuntime.check(nodeCommand);

        Path mappingDirectory = Files.createTempDirectory("slk-mappings");
        try (StagedDirectory directory = CloudAssemblyOutput.stage(outDirectory)) {
            // Before any construct exists: the CDK stages each asset as its construct is created.
            List<String> linked = AssetReuse.link(outDirectory, CloudAssemblyOutput.MARKER, directory.staging());
            progress.accept("building the stack on " + node);
            App app = App.Builder.create()
                    .outdir(directory.staging().toString())
                    .analyticsReporting(false)
                    .context(APP_CONTEXT)
                    .build();
            CoreStack stack;
            List<LoadedModule> modules;
            try {
                stack = new CoreStack(app, config, artifacts);
                if (!config.enabledIntegrations().isEmpty()) {
                    progress.accept("adding modules: " + String.join(", ", config.enabledIntegrations()));
                }
                modules = new ModuleAssembly(stack, registry, mappingDirectory).addEnabledModules();
            } catch (RuntimeException e) {
                if (!isRefusal(e)) {
                    throw e;
                }
                return new SynthResult.Failed(e.getMessage());
            }
            Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(false).reports(false).build()));

            progress.accept("synthesizing and running cdk-nag AwsSolutionsChecks");
            try {
                app.synth();
            } catch (RuntimeException e) {
                // Token and validation errors of constructs surface here; they name the construct path.
                return new SynthResult.Failed("synthesis failed: " + firstLine(e.getMessage()));
            }
            List<Finding> nag = NagMessages.of(directory.staging(), stack.getStackName());
            String templateFile = stack.getStackName() + ".template.json";
            JsonNode template = JSON.readTree(directory.staging().resolve(templateFile).toFile());

            boolean failed = nag.stream().anyMatch(f -> f.severity().isError() || strict);
            AssetReuse.removeUnused(directory.staging(), linked);
            if (!failed) {
                progress.accept("writing " + outDirectory);
                Path record = directory.staging().resolve(UpToDateCheck.RECORD);
                Files.writeString(record, UpToDateCheck.record(inputs, app, List.of(mappingDirectory, directory.staging()),
                        stack.getStackName()));
                Files.setLastModifiedTime(record, startedAt);
                directory.commit(CloudAssemblyOutput.markerContent());
            }
            List<Finding> warnings = report.warnings();
            return new SynthResult.Synthesized(new SynthSummary(stack.getStackName(), outDirectory.toString(),
                    templateFile, resourceCounts(template), modules, outputs(template), nag, warnings, !failed,
                    (System.nanoTime() - start) / 1_000_000));
        } finally {
            AtomicWriter.deleteTree(mappingDirectory);
        }
    }

    /**
     * @param e what building the stack and its modules threw
     * @return whether it is a refusal of the config, a module or a missing artifact, reported as
     *     {@link SynthResult.Failed}, rather than a defect of slk
     */
    static boolean isRefusal(RuntimeException e) {
        return e instanceof ModuleHookException || e instanceof StackConfigurationException
                || e instanceof ResourceNames.InvalidResourceNameException
                || e instanceof LambdaArtifacts.MissingLambdaArtifactException;
    }

    private static Map<String, Integer> resourceCounts(JsonNode template) {
        Map<String, Integer> counts = new TreeMap<>();
        template.path("Resources").forEach(resource -> counts.merge(resource.path("Type").asText(), 1, Integer::sum));
        return counts;
    }

    private static List<String> outputs(JsonNode template) {
        List<String> ids = new ArrayList<>();
        template.path("Outputs").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
