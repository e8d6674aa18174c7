package dev.slk.stack.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.io.AtomicWriter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the assets of the assembly being replaced. An asset's name holds the hash of its content
 * ({@code asset.<hash>.zip}), and the CDK does not stage an asset whose target already exists; so the
 * old assembly's assets are hard-linked into the new one before synthesis, the CDK copies only what
 * changed, and the links no stack uses afterwards are removed. Linking costs no copy; where it is not
 * possible (another file system) the CDK copies as before.
 */
public final class AssetReuse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "asset.";

    private AssetReuse() {
    }

    /**
     * @param previous the assembly slk wrote earlier, about to be replaced; nothing happens when it is
     *     absent or not slk's
     * @param marker the marker file that makes it slk's
     * @param staging the new assembly's directory, before any construct is created (the CDK stages an asset
     *     when its construct is created, not when the app is synthesized)
     * @return the names linked
     */
    public static List<String> link(Path previous, String marker, Path staging) {
        List<String> linked = new ArrayList<>();
        if (!Files.isRegularFile(previous.resolve(marker))) {
            return linked;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(previous, PREFIX + "*")) {
            for (Path entry : entries) {
                Path target = staging.resolve(entry.getFileName().toString());
                if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    linkTree(entry, target);
                    linked.add(entry.getFileName().toString());
                } catch (IOException | UnsupportedOperationException e) {
                    // No hard links here: the CDK copies this asset and the rest, as it always did. The
                    // target did not exist before, so what is removed is only what was linked.
                    AtomicWriter.deleteTree(target);
                    break;
                }
            }
        } catch (IOException e) {
            // The old assembly cannot be listed: nothing to reuse.
        }
        return linked;
    }

    /**
     * @param staging the new assembly's directory, after synthesis
     * @param linked what {@link #link} linked
     * @return the number of assets reused
     */
    public static int removeUnused(Path staging, List<String> linked) {
        Set<String> used = usedAssets(staging);
        int reused = 0;
        for (String name : linked) {
            if (used == null || used.contains(name)) {
                reused++;
            } else {
                AtomicWriter.deleteTree(staging.resolve(name));
            }
        }
        return reused;
    }

    /** @return the asset file and directory names the assets manifests name, or null when one cannot be read */
    private static Set<String> usedAssets(Path staging) {
        Set<String> used = new HashSet<>();
        try (DirectoryStream<Path> manifests = Files.newDirectoryStream(staging, "*.assets.json")) {
            for (Path manifest : manifests) {
                JsonNode files = JSON.readTree(manifest.toFile()).path("files");
                files.forEach(asset -> used.add(asset.path("source").path("path").asText()));
            }
        } catch (IOException e) {
            // The CDK skipped the assets it found linked; without the manifest none of them may go.
            return null;
        }
        return used;
    }

    private static void linkTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createLink(to, from);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectory(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.createLink(to.resolve(from.relativize(file).toString()), file);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
