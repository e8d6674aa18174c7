package dev.slk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.testing.Configs;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.iam.IamAnalysis;
import dev.slk.iam.IamAnalyzer;
import dev.slk.iam.IamRequest;
import dev.slk.iam.IamSources;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ManagedPolicies;
import dev.slk.iam.envelope.Access;
import dev.slk.iam.envelope.AccessBaseline;
import dev.slk.stack.testing.Stacks;
import dev.slk.stack.testing.TestArtifacts;
import dev.slk.stack.testmodules.reader.ReaderModule;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iam-analyzer's cross-module and envelope rules on an assembly synthesized with two modules: the poller, and a
 * reader whose role consumes the poller's dead-letter queue.
 */
class IamAnalyzerOnSynthesizedModulesTest {
    private static final String CONFIG = Configs.minimalWith("""
            integrations:
              poller:
                enabled: true
              reader:
                enabled: true
                config:
                  alsoPurge: %s
            """);

    @TempDir
    Path work;

    /** The test class path's modules (the poller) and the reader, which only this test registers. */
    private ModuleRegistry registry() throws Exception {
        Path services = work.resolve("services/META-INF/services/dev.slk.spi.IntegrationModule");
        Files.createDirectories(services.getParent());
        Files.writeString(services, ReaderModule.class.getName() + "\n");
        return ModuleRegistry.discover(new URLClassLoader(new URL[] {work.resolve("services").toUri().toURL()},
                getClass().getClassLoader()));
    }

    private IamAnalysis analyse(ModuleRegistry registry, boolean alsoPurge, AccessBaseline baseline) throws Exception {
        return analyse(registry, CONFIG.formatted(alsoPurge), work.resolve("cdk.out-" + alsoPurge), baseline);
    }

    private static IamAnalysis analyse(ModuleRegistry registry, String yaml, Path out, AccessBaseline baseline)
            throws Exception {
        SynthResult result = new Synthesizer(registry, TestArtifacts.artifacts(), "node", stage -> { })
                .synthesize(new YamlLoader().parse(yaml, "config.yaml"), null, out, false);
        if (result instanceof SynthResult.Invalid invalid) {
            throw new AssertionError("invalid: " + invalid.report().errors());
        }
        assertTrue(assertInstanceOf(SynthResult.Synthesized.class, result).summary().written(), result.toString());
        IamSources sources = IamSources.assembly(out, "cdk.out");
        return new IamAnalyzer().analyze(new IamRequest(sources.stacks(), null, ActionCatalogue.bundled(),
                ManagedPolicies::bundled, sources.displayFile(), baseline, baseline == null ? null : "access.json"));
    }

    @Test
    void theBundledExampleGrantsNothingTheAnalyzerReportsAtAnyLevel() throws Exception {
        IamAnalysis example = analyse(Stacks.registry(), Stacks.exampleYaml(), work.resolve("cdk.out-example"), null);

        assertEquals(List.of(), example.findings().stream().map(Finding::ruleId).toList(), example.findings().toString());
    }

    @Test
    void theReadersGrantOnThePollersQueueIsCrossModuleAndItsGrowthIsNewAccess() throws Exception {
        ModuleRegistry registry = registry();
        assertEquals(List.of("poller", "reader"), registry.ids().stream().filter(List.of("poller", "reader")::contains)
                .toList());
        IamAnalysis first = analyse(registry, false, null);

        List<Finding> cross = first.findings().stream().filter(f -> f.ruleId().equals("iam-cross-module-access")).toList();
        assertFalse(cross.isEmpty(), first.findings().toString());
        for (Finding f : cross) {
            assertEquals("reader", f.module(), f.toString());
            assertTrue(f.message().contains("module poller"), f.message());
            assertTrue(f.message().contains("modules/reader/ReaderRole/DefaultPolicy"), f.message());
        }
        assertTrue(first.findings().stream().noneMatch(f -> f.message().contains("<EventQueue")
                && f.ruleId().equals("iam-cross-module-access")), "the core's queue is every module's to use");

        List<Access> reader = first.envelopes().get("reader");
        assertTrue(reader.stream().anyMatch(a -> a.action().equals("sqs:ReceiveMessage")
                && a.resource().contains("PollerDlq") && a.owner().equals("module poller")), reader.toString());
        assertTrue(reader.stream().noneMatch(a -> a.action().equals("sqs:PurgeQueue")), reader.toString());
        assertTrue(first.envelopes().containsKey("poller"), first.envelopes().keySet().toString());

        IamAnalysis grown = analyse(registry, true, new AccessBaseline(first.envelopes()));
        List<Finding> fresh = grown.findings().stream().filter(f -> f.ruleId().equals("iam-new-access")).toList();
        assertEquals(1, fresh.size(), fresh.toString());
        assertEquals("reader", fresh.get(0).module());
        assertTrue(fresh.get(0).message().matches("module reader has access its baseline access.json does not list: "
                + "sqs:PurgeQueue on <[A-Za-z0-9]*PollerDlq[A-Za-z0-9]*\\.Arn> \\(module poller\\)"), fresh.get(0).message());
    }
}
