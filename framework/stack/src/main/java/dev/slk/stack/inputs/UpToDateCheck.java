package dev.slk.stack.inputs;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.stack.assets.LambdaArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AssetStaging;
import software.constructs.IConstruct;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a cloud assembly is up to date: slk writes the inputs of every synthesis into the assembly
 * ({@value #RECORD}), and an assembly whose recorded inputs equal today's need not be synthesized
 * again. The check reads no template and starts no node process; files whose size is unchanged and
 * that were not modified since the recorded synthesis began are not read again.
 *
 * <p>synth uses it before synthesizing; the commands that read the assembly (iam-analyzer, checklist,
 * deploy) use the same check, so a chain of them pays for one synthesis at most.
 */
public final class UpToDateCheck {
    /** The file in the assembly that records its inputs. */
    public static final String RECORD = ".slk-inputs.json";

    private UpToDateCheck() {
    }

    /** The answer. */
    public sealed interface Freshness {
        /**
         * The assembly was synthesized from these very inputs.
         *
         * @param stackName the stack it holds
         */
        record UpToDate(String stackName) implements Freshness {
        }

        /**
         * It must be synthesized.
         *
         * @param reason why, e.g. "the configuration changed"
         */
        record Stale(String reason) implements Freshness {
        }
    }

    /** The inputs of a synthesis about to run, and whether the assembly already is their result. */
    public static final class Result {
        private final Freshness freshness;
        private final SynthInputs inputs;
        private final ContentHashes hashes;

        Result(Freshness freshness, SynthInputs inputs, ContentHashes hashes) {
            this.freshness = freshness;
            this.inputs = inputs;
            this.hashes = hashes;
        }

        /** @return up to date or not */
        public Freshness freshness() {
            return freshness;
        }

        /** @return today's inputs known before synthesis */
        public SynthInputs inputs() {
            return inputs;
        }
    }

    /**
     * The record of a synthesis that ran: the inputs known before it and every other file its constructs
     * packaged as an asset (a module's Lambda zip). Assets the CDK library ships (under a
     * {@code node_modules} directory) come with aws-cdk-lib's version, and those under {@code excluded}
     * (staging directories slk made from inputs already listed) are left out.
     *
     * @param checked the check made before the synthesis
     * @param app the synthesized app
     * @param excluded directories whose files are not inputs of their own
     * @param stackName the stack written
     * @return the content of {@value #RECORD}
     */
    public static String record(Result checked, App app, List<Path> excluded, String stackName) {
        Set<String> known = new HashSet<>();
        checked.inputs.files().forEach(f -> known.add(f.path()));
        List<Path> skipped = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<InputFile> assets = new ArrayList<>();
        for (IConstruct construct : app.getNode().findAll()) {
            if (construct instanceof AssetStaging staging) {
                Path source = Path.of(staging.getSourcePath()).toAbsolutePath().normalize();
                boolean library = java.util.stream.StreamSupport.stream(source.spliterator(), false)
                        .anyMatch(segment -> segment.toString().equals("node_modules"));
                if (!library && !known.contains(source.toString()) && skipped.stream().noneMatch(source::startsWith)) {
                    checked.hashes.of("asset", source).ifPresent(assets::add);
                }
            }
        }
        return checked.inputs.with(assets).toJson(stackName);
    }

    /**
     * @param outDirectory the assembly
     * @param document the parsed configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @param strict whether {@code --strict} was given
     * @param registry the installed modules
     * @param artifacts slk's Lambda packages
     * @return the answer, with the inputs
     */
    public static Result check(Path outDirectory, YamlDocument document, String selectedEnvironment, boolean strict,
            ModuleRegistry registry, LambdaArtifacts artifacts) {
        Path record = outDirectory.resolve(RECORD);
        Optional<SynthInputs.Recorded> recorded = read(record);
        ContentHashes hashes = recorded.map(r -> trusting(r, record)).orElse(ContentHashes.fresh());
        SynthInputs current = SynthInputs.collect(document, selectedEnvironment, strict, registry, artifacts, hashes);
        if (recorded.isEmpty()) {
            return new Result(new Freshness.Stale(Files.isDirectory(outDirectory)
                    ? "it records no inputs" : "there is no assembly yet"), current, hashes);
        }
        return new Result(compare(recorded.get(), current, hashes), current, hashes);
    }

    private static Freshness compare(SynthInputs.Recorded recorded, SynthInputs current, ContentHashes hashes) {
        SynthInputs before = recorded.inputs();
        if (!before.slkVersion().equals(current.slkVersion())
                || !before.awsCdkLibVersion().equals(current.awsCdkLibVersion())) {
            return new Freshness.Stale("slk or aws-cdk-lib is another version");
        }
        if (!before.configSha256().equals(current.configSha256())) {
            return new Freshness.Stale("the configuration changed");
        }
        for (String role : List.of("slk", "module", "lambda")) {
            if (!before.files(role).equals(current.files(role))) {
                return new Freshness.Stale(changed(role, before.files(role), current.files(role)));
            }
        }
        for (InputFile asset : before.files("asset")) {
            Optional<InputFile> now = hashes.of("asset", Path.of(asset.path()));
            if (now.isEmpty() || !now.get().equals(asset)) {
                return new Freshness.Stale(asset.path() + (now.isEmpty() ? " is gone" : " changed"));
            }
        }
        SynthInputs complete = current.with(before.files("asset"));
        if (!complete.fingerprint().equals(recorded.fingerprint())) {
            return new Freshness.Stale("its record does not match its inputs");
        }
        return new Freshness.UpToDate(recorded.stackName());
    }

    private static String changed(String role, List<InputFile> before, List<InputFile> now) {
        String what = switch (role) {
            case "slk" -> "slk's code";
            case "module" -> "a module";
            default -> "a Lambda package";
        };
        Map<String, InputFile> earlier = new TreeMap<>();
        before.forEach(f -> earlier.put(f.path(), f));
        for (InputFile f : now) {
            if (!f.equals(earlier.get(f.path()))) {
                return what + " changed: " + f.path();
            }
        }
        return what + " is gone";
    }

    private static Optional<SynthInputs.Recorded> read(Path record) {
        try {
            if (!Files.isRegularFile(record) || Files.size(record) > 1024 * 1024) {
                return Optional.empty();
            }
            return SynthInputs.parse(Files.readString(record, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ContentHashes trusting(SynthInputs.Recorded recorded, Path record) {
        Map<String, InputFile> byPath = new TreeMap<>();
        recorded.inputs().files().forEach(f -> byPath.put(f.path(), f));
        try {
            // The record carries the time its synthesis began (see Synthesizer).
            FileTime startedAt = Files.getLastModifiedTime(record);
            return ContentHashes.trusting(byPath, startedAt);
        } catch (IOException e) {
            return ContentHashes.fresh();
        }
    }
}
