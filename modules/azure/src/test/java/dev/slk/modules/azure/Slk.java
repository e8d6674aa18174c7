/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.yaml.YamlLoader;
import dev.slk.stack.SynthResult;
import dev.slk.stack.SynthSummary;
import dev.slk.stack.Synthesizer;
import dev.slk.stack.assets.CoreFunction;
import dev.slk.stack.assets.LambdaArtifacts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * slk's one validator and its synthesizer, in-process, with this module discovered on the test
 * class path as slk discovers it in a workspace, and the reference framework's configs as input.
 */
final class Slk {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The reference framework's data, beside the checkout (CI always has it); the tests read copies. */
    static final Path REFERENCE = Path.of(System.getProperty("slk.reference.dir", "../../../shared/reference"));
    private static final ModuleRegistry REGISTRY = ModuleRegistry.discover(Slk.class.getClassLoader());

    private Slk() {
    }

    /** The result of synthesizing a configuration: the summary and the stack's template. */
    record Synthesis(SynthSummary summary, JsonNode template, String templateText) {
    }

    static ValidationReport validate(String yaml) {
        try {
            return new ConfigValidator(REGISTRY).validate(new YamlLoader().parse(yaml, "config.yaml"), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Synthesis synth(String yaml) {
        try {
            Path out = Files.createTempDirectory("azure-synth").resolve("cdk.out");
            Path config = Files.createTempFile(out.getParent(), "config", ".yaml");
            Files.writeString(config, yaml);
            SynthResult result = new Synthesizer(REGISTRY, coreArtifacts(), "node", line -> { })
                    .synthesize(new YamlLoader().load(config, "config.yaml"), null, out, false, true);
            if (!(result instanceof SynthResult.Synthesized synthesized)) {
                throw new AssertionError("not synthesized: " + result);
            }
            String text = Files.readString(out.resolve(synthesized.summary().templateFile()));
            return new Synthesis(synthesized.summary(), JSON.readTree(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A file of the reference framework, from this module's copy in src/test/resources/reference
     * (ReferenceCopiesTest keeps the copy equal to the original): the tests never skip for want of it.
     */
    static String reference(String file) {
        try (java.io.InputStream in = Slk.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new AssertionError("no copy of the reference's " + file + " in src/test/resources/reference");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** slk's bundled example with its integrations replaced by the given block. */
    static String bundledExampleWith(String integrations) {
        try {
            String example = Files.readString(Path.of(System.getProperty("slk.workspace.dir", "../.."))
                    .resolve("config.example.yaml"));
            return example.replace("integrations: {}\n", integrations.substring(integrations.indexOf("integrations:"))
                    + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The core functions' packages: their hash is all a template depends on. */
    private static LambdaArtifacts coreArtifacts() throws IOException {
        Path directory = Files.createTempDirectory("azure-core-lambdas");
        for (CoreFunction function : CoreFunction.values()) {
            Path zip = directory.resolve(function.artifactId() + "-0.0.0-lambda.zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
                zipOut.putNextEntry(new ZipEntry("handler.txt"));
                zipOut.write(function.handler().getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return new LambdaArtifacts(directory);
    }
}
