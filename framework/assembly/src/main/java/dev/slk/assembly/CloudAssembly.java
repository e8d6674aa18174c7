package dev.slk.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A cloud assembly ({@code cdk.out}) as slk synthesized it: every stack template the manifest names,
 * those of stage assemblies ({@code cdk:cloud-assembly} artifacts) and nested stacks included, each
 * resource with its construct path and owner.
 *
 * <p>A directory without a manifest, or with one that names no stack (assembled by hand), is read as every {@code *.template.json} in
 * it and in its {@code assembly-*} directories. Files that cannot be read do not stop the reading:
 * they are listed in {@link #problems()}.
 *
 * @param directory the assembly directory
 * @param stacks every template, parents before their nested stacks, in manifest (or file-name) order
 * @param problems the files that could not be read
 */
public record CloudAssembly(Path directory, List<StackTemplate> stacks, List<AssemblyProblem> problems) {
    /** The file that lists an assembly's artifacts. */
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE_SUFFIX = ".template.json";
    private static final String NESTED_STACK = "AWS::CloudFormation::Stack";
    /** Stages and nested stacks nest a few levels at most; the bound also stops a symbolic-link loop. */
    private static final int MAX_DEPTH = 8;
    /** A file asset's key in an assets manifest, as it appears in a nested stack's TemplateURL. */
    private static final Pattern ASSET_HASH = Pattern.compile("([0-9a-f]{64})\\.json");

    /** Copies the lists. */
    public CloudAssembly {
        stacks = List.copyOf(stacks);
        problems = List.copyOf(problems);
    }

    /**
     * @param directory the assembly directory; one that does not exist gives an empty assembly
     * @return the assembly
     */
    public static CloudAssembly read(Path directory) {
        Reader reader = new Reader();
        reader.readDirectory(directory, "", 0);
        return new CloudAssembly(directory, reader.stacks, reader.problems);
    }

    /** @return every resource of every template, in stack order, then file order */
    public Stream<Resource> resources() {
        return stacks.stream().flatMap(s -> s.resources().values().stream());
    }

    /** @return the resources of one owner, e.g. {@code new Owner.Module("okta-logs")}, in stack and file order */
    public List<Resource> resourcesOwnedBy(Owner owner) {
        return resources().filter(r -> r.owner().equals(owner)).toList();
    }

    /** Walks one assembly directory; collects what it reads. */
    private static final class Reader {
        private final List<StackTemplate> stacks = new ArrayList<>();
        private final List<AssemblyProblem> problems = new ArrayList<>();
        private final Set<Path> read = new HashSet<>();

        void readDirectory(Path dir, String prefix, int depth) {
            if (!Files.isDirectory(dir) || depth > MAX_DEPTH) {
                return;
            }
            Path manifest = dir.resolve(MANIFEST);
            if (Files.isRegularFile(manifest)) {
                try {
                    if (readManifest(dir, prefix, JSON.readTree(manifest.toFile()), depth)) {
                        return;
                    }
                } catch (IOException e) {
                    // Jackson's message may quote content; the position is enough.
                    problems.add(new AssemblyProblem(prefix + MANIFEST, 1, 1, "it is not a readable JSON manifest"));
                }
            }
            readTemplatesIn(dir, prefix, depth);
        }

        /** @return whether the manifest named any template or stage; one that names none is not trusted */
        private boolean readManifest(Path dir, String prefix, JsonNode manifest, int depth) {
            boolean named = false;
            for (Map.Entry<String, JsonNode> artifact : manifest.path("artifacts").properties()) {
                JsonNode properties = artifact.getValue().path("properties");
                switch (artifact.getValue().path("type").asText()) {
                    case "aws:cloudformation:stack" -> {
                        String name = properties.path("stackName").asText(artifact.getKey());
                        String file = properties.path("templateFile").asText("");
                        if (!file.isEmpty()) {
                            named = true;
                            readStack(dir, prefix, file, name, depth);
                        }
                    }
                    case "cdk:cloud-assembly" -> {
                        String nested = properties.path("directoryName").asText("");
                        if (!nested.isEmpty()) {
                            named = true;
                            readDirectory(dir.resolve(nested), prefix + nested + "/", depth + 1);
                        }
                    }
                    default -> {
                        // Tree and asset manifests hold no template.
                    }
                }
            }
            return named;
        }

        private void readTemplatesIn(Path dir, String prefix, int depth) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
                listing.forEach(entries::add);
            } catch (IOException e) {
                problems.add(new AssemblyProblem(prefix.isEmpty() ? "." : prefix, 1, 1, "it cannot be listed"));
                return;
            }
            entries.sort(null);
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && name.endsWith(TEMPLATE_SUFFIX)) {
                    readStack(dir, prefix, name, name.substring(0, name.length() - TEMPLATE_SUFFIX.length()), depth);
                } else if (Files.isDirectory(entry) && name.startsWith("assembly-")) {
                    readDirectory(entry, prefix + name + "/", depth + 1);
                }
            }
        }

        private void readStack(Path dir, String prefix, String file, String name, int depth) {
            Path path = dir.resolve(file).normalize();
            if (!read.add(path)) {
                return;
            }
            StackTemplate template;
            try {
                template = StackTemplate.read(path, name, prefix + file);
            } catch (StackTemplate.UnreadableTemplateException e) {
                problems.add(new AssemblyProblem(prefix + file, e.line(), e.column(), e.getMessage()));
                return;
            }
            stacks.add(template);
            if (depth < MAX_DEPTH) {
                for (Resource nested : template.resourcesOfType(NESTED_STACK)) {
                    nestedTemplate(dir, nested).ifPresent(
                            child -> readStack(dir, prefix, child, name + "/" + nested.logicalId(), depth + 1));
                }
            }
        }

        /** The nested template's file: named by the asset metadata, or found by its hash in the assets manifests. */
        private java.util.Optional<String> nestedTemplate(Path dir, Resource stack) {
            JsonNode assetPath = stack.body().path("Metadata").path("aws:asset:path");
            if (assetPath.isTextual() && Files.isRegularFile(dir.resolve(assetPath.asText()))) {
                return java.util.Optional.of(assetPath.asText());
            }
            Matcher hash = ASSET_HASH.matcher(stack.properties().path("TemplateURL").toString());
            Map<String, String> assets = fileAssets(dir);
            while (hash.find()) {
                String file = assets.get(hash.group(1));
                if (file != null && Files.isRegularFile(dir.resolve(file))) {
                    return java.util.Optional.of(file);
                }
            }
            return java.util.Optional.empty();
        }

        private final Map<Path, Map<String, String>> assetsByDirectory = new HashMap<>();

        /** @return asset hash to source file, from every {@code *.assets.json} of the directory */
        private Map<String, String> fileAssets(Path dir) {
            return assetsByDirectory.computeIfAbsent(dir, d -> {
                Map<String, String> assets = new HashMap<>();
                try (DirectoryStream<Path> manifests = Files.newDirectoryStream(d, "*.assets.json")) {
                    for (Path manifest : manifests) {
                        JSON.readTree(manifest.toFile()).path("files").properties().forEach(asset -> {
                            JsonNode source = asset.getValue().path("source").path("path");
                            if (source.isTextual()) {
                                assets.put(asset.getKey(), source.asText());
                            }
                        });
                    }
                } catch (IOException e) {
                    // Without a readable assets manifest the nested template cannot be found; the parent still is read.
                    return assets;
                }
                return assets;
            });
        }
    }
}
