package dev.slk.stack.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Hashes input files, trusting the hash an earlier synthesis recorded for a file that has kept its
 * size and was last modified before that synthesis began: re-reading 50 MB of Lambda packages would
 * cost more than the whole up-to-date check may take. Anything touched since is read again.
 */
final class ContentHashes {
    private static final int BUFFER = 1 << 16;

    private final Map<String, InputFile> recorded;
    private final FileTime recordedAt;

    private ContentHashes(Map<String, InputFile> recorded, FileTime recordedAt) {
        this.recorded = recorded;
        this.recordedAt = recordedAt;
    }

    /** @return hashes that read every file */
    static ContentHashes fresh() {
        return new ContentHashes(Map.of(), FileTime.fromMillis(Long.MIN_VALUE));
    }

    /**
     * @param recorded the files an earlier synthesis recorded, by path
     * @param startedAt when that synthesis began
     * @return hashes that trust those records for files not modified since
     */
    static ContentHashes trusting(Map<String, InputFile> recorded, FileTime startedAt) {
        return new ContentHashes(Collections.unmodifiableMap(new TreeMap<>(recorded)), startedAt);
    }

    /**
     * @param role the file's role
     * @param path a file or a directory
     * @return its entry, or empty when it does not exist or cannot be read
     */
    Optional<InputFile> of(String role, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(absolute)) {
                return Optional.of(directory(role, absolute));
            }
            if (!Files.isRegularFile(absolute)) {
                return Optional.empty();
            }
            long size = Files.size(absolute);
            InputFile earlier = recorded.get(absolute.toString());
            if (earlier != null && earlier.size() == size
                    && Files.getLastModifiedTime(absolute).compareTo(recordedAt) < 0) {
                return Optional.of(new InputFile(role, earlier.path(), size, earlier.sha256()));
            }
            return Optional.of(new InputFile(role, absolute.toString(), size, hex(sha256(absolute))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Class directories are small; they are always read. */
    private static InputFile directory(String role, Path dir) throws IOException {
        MessageDigest digest = digest();
        long size = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(dir.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sha256(file));
            size += Files.size(file);
        }
        return new InputFile(role, dir.toString(), size, hex(digest.digest()));
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    /** @return the SHA-256 of the text, in hex */
    static String sha256(String text) {
        return hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
