package dev.slk.stack.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.BuildInfo;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.registry.RegisteredModule;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.spi.IntegrationModule;
import dev.slk.stack.Synthesizer;
import dev.slk.stack.assets.CoreFunction;
import dev.slk.stack.assets.LambdaArtifacts;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a synthesis is made from: slk's version and code, the aws-cdk-lib version, the
 * configuration as parsed (with the {@code --env} selection and {@code --strict}), every installed
 * module's jar or classes, slk's Lambda packages, and, once a synthesis ran, the other files its
 * constructs packaged (a module's Lambda zip). Two syntheses with equal inputs write the same
 * assembly, so the second one can be skipped.
 *
 * @param slkVersion slk's version
 * @param awsCdkLibVersion the aws-cdk-lib version
 * @param configSha256 SHA-256 of the parsed configuration, the selected environment and the strict flag
 * @param files the files read, sorted by role and path
 */
public record SynthInputs(String slkVersion, String awsCdkLibVersion, String configSha256, List<InputFile> files) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Comparator<InputFile> ORDER = Comparator.comparing(InputFile::role)
            .thenComparing(InputFile::path);

    /** Sorts and copies the files. */
    public SynthInputs {
        Objects.requireNonNull(configSha256, "configSha256");
        files = files.stream().sorted(ORDER).distinct().toList();
    }

    /**
     * @param document the parsed configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @param strict whether {@code --strict} was given (it decides what may be written)
     * @param registry the installed modules
     * @param artifacts slk's Lambda packages
     * @param hashes how files are hashed
     * @return the inputs known before synthesis
     */
    static SynthInputs collect(YamlDocument document, String selectedEnvironment, boolean strict,
            ModuleRegistry registry, LambdaArtifacts artifacts, ContentHashes hashes) {
        List<InputFile> files = new ArrayList<>();
        Set<Path> slkCode = new LinkedHashSet<>();
        for (Class<?> type : List.of(Synthesizer.class, ConfigValidator.class, IntegrationModule.class)) {
            codeSource(type).ifPresent(slkCode::add);
        }
        slkCode.forEach(p -> hashes.of("slk", p).ifPresent(files::add));
        for (RegisteredModule module : registry.modules()) {
            hashes.of("module", Path.of(module.source())).ifPresent(files::add);
        }
        for (CoreFunction function : CoreFunction.values()) {
            try {
                hashes.of("lambda", artifacts.zip(function)).ifPresent(files::add);
            } catch (LambdaArtifacts.MissingLambdaArtifactException e) {
                // Synthesis will say it is missing; as an input it is simply absent.
            }
        }
        String config = document.root() + "\nenvironment=" + selectedEnvironment + "\nstrict=" + strict;
        return new SynthInputs(BuildInfo.slkVersion(), BuildInfo.awsCdkLibVersion(), ContentHashes.sha256(config),
                files);
    }

    /** @return these inputs and the given files */
    SynthInputs with(List<InputFile> more) {
        List<InputFile> all = new ArrayList<>(files);
        all.addAll(more);
        return new SynthInputs(slkVersion, awsCdkLibVersion, configSha256, all);
    }

    /** @return the files of one role */
    List<InputFile> files(String role) {
        return files.stream().filter(f -> f.role().equals(role)).toList();
    }

    /** @return the SHA-256 of everything above, one value to compare */
    public String fingerprint() {
        return ContentHashes.sha256(body().toString());
    }

    private ObjectNode body() {
        ObjectNode root = JSON.createObjectNode();
        root.put("slk", slkVersion);
        root.put("awsCdkLib", awsCdkLibVersion);
        root.put("config", configSha256);
        ArrayNode list = root.putArray("files");
        for (InputFile f : files) {
            list.addObject().put("role", f.role()).put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
        }
        return root;
    }

    /**
     * @param stackName the stack the synthesis wrote
     * @return the record written into the assembly
     */
    String toJson(String stackName) {
        ObjectNode root = JSON.createObjectNode();
        root.put("fingerprint", fingerprint());
        root.put("stack", stackName);
        root.setAll(body());
        return root.toPrettyString() + "\n";
    }

    /** A record as {@link #toJson} wrote it. */
    record Recorded(String stackName, String fingerprint, SynthInputs inputs) {
    }

    static Optional<Recorded> parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<InputFile> files = new ArrayList<>();
            for (JsonNode f : root.path("files")) {
                files.add(new InputFile(f.path("role").asText(), f.path("path").asText(), f.path("size").asLong(),
                        f.path("sha256").asText()));
            }
            SynthInputs inputs = new SynthInputs(root.path("slk").asText(), root.path("awsCdkLib").asText(),
                    root.path("config").asText(), files);
            return Optional.of(new Recorded(root.path("stack").asText(), root.path("fingerprint").asText(), inputs));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
