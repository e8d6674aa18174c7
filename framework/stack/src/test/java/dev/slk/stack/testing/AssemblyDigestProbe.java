package dev.slk.stack.testing;

import dev.slk.core.yaml.YamlLoader;
import dev.slk.stack.SynthResult;
import dev.slk.stack.Synthesizer;
import dev.slk.stack.inputs.UpToDateCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run as its own process by the determinism test: synthesizes each config given, as synth does,
 * and prints one line per file of each cloud assembly with its SHA-256, so processes compare.
 * A map whose order depends on the process shows up as a template that differs between runs.
 */
public final class AssemblyDigestProbe {
    private AssemblyDigestProbe() {
    }

    /** @param args the work directory, then the config files to synthesize */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path config = Path.of(args[i]);
            Path out = work.resolve("assembly-" + i);
            SynthResult result = new Synthesizer(Stacks.registry(), TestArtifacts.artifacts(), "node", line -> { })
                    .synthesize(new YamlLoader().parse(Files.readString(config), config.getFileName().toString()),
                            null, out, false);
            if (!(result instanceof SynthResult.Synthesized)) {
                throw new IllegalStateException(config + " did not synthesize: " + result);
            }
            for (String line : digests(out)) {
                System.out.println(config.getFileName() + " " + line);
            }
        }
    }

    private static List<String> digests(Path assembly) throws IOException, NoSuchAlgorithmException {
        try (Stream<Path> files = Files.walk(assembly)) {
            // The inputs record names where each input was read from, and every probe process
            // packages its own Lambda zips in its own temporary directory; everything CDK deploys is compared.
            List<Path> regular = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(UpToDateCheck.RECORD)).sorted().toList();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return regular.stream().map(file -> assembly.relativize(file) + " "
                    + HexFormat.of().formatHex(sha.digest(read(file)))).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
