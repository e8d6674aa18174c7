package dev.slk.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The templates of one kind of thing ({@code module}) for one Lambda runtime ({@code java21}):
 * slk's built-in tree, with a user's tree laid over it. The tree mirrors the generated tree;
 * every file is a Mustache template, and so is every path.
 *
 * <p>Layout, for the built-in tree (the repository's {@code templates/} directory, packaged in
 * slk-core) and for an overlay directory alike: {@code <kind>/<runtime>/<path>}. A runtime is a
 * directory; adding one (say {@code module/python311/}) needs no change here.
 */
public final class TemplateTree {
    /** Where the repository's {@code templates/} directory is packaged on the class path. */
    static final String BUILT_IN = "dev/slk/scaffold/templates";
    /** Templates larger than this are refused; real ones are a few kilobytes. */
    static final long MAX_TEMPLATE_BYTES = 1024 * 1024;
    /** Trees with more files are refused. */
    static final int MAX_TEMPLATES = 2000;

    /**
     * One template.
     *
     * @param path path inside the runtime tree, with {@code /} separators; itself a template
     * @param origin where it comes from, for messages: {@code built-in module/java21/pom.xml} or
     *     the overlay file
     * @param text the template text
     */
    public record Template(String path, String origin, String text) {
    }

    private final String kind;
    private final String runtime;
    private final List<Template> templates;

    private TemplateTree(String kind, String runtime, List<Template> templates) {
        this.kind = kind;
        this.runtime = runtime;
        this.templates = List.copyOf(templates);
    }

    /** @return the templates, sorted by path */
    public List<Template> templates() {
        return templates;
    }

    /** @return e.g. {@code module/java21} */
    public String name() {
        return kind + "/" + runtime;
    }

    /**
     * @param kind what is generated, {@code module}
     * @param runtime the Lambda runtime tree, e.g. {@code java21}
     * @param overlay a directory laid over the built-in tree, or null
     * @return the merged tree: overlay files replace built-in files of the same path and add new ones
     * @throws ScaffoldException when the runtime exists in neither tree, or an overlay file is
     *     unusable (a symbolic link, too large, not UTF-8)
     */
    public static TemplateTree load(String kind, String runtime, Path overlay) throws ScaffoldException {
        Map<String, Template> merged = new TreeMap<>();
        readBuiltIn(kind + "/" + runtime, merged);
        if (overlay != null) {
            readOverlay(overlay, kind, runtime, merged);
        }
        if (merged.isEmpty()) {
            throw new ScaffoldException("there are no '" + runtime + "' templates for a " + kind + "; available: "
                    + String.join(", ", runtimes(kind, overlay)));
        }
        return new TemplateTree(kind, runtime, new ArrayList<>(merged.values()));
    }

    /**
     * @param kind what is generated, {@code module}
     * @param overlay an overlay directory, or null
     * @return the runtimes with templates in the built-in tree or the overlay
     */
    public static List<String> runtimes(String kind, Path overlay) {
        TreeSet<String> names = new TreeSet<>();
        withBuiltInRoot(root -> {
            Path dir = root.resolve(kind);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> children = Files.list(dir)) {
                    children.filter(Files::isDirectory).forEach(p -> names.add(stripSlash(p.getFileName().toString())));
                }
            }
            return null;
        });
        if (overlay != null && Files.isDirectory(overlay.resolve(kind), LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(overlay.resolve(kind))) {
                children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(names);
    }

    private static void readBuiltIn(String tree, Map<String, Template> into) {
        withBuiltInRoot(root -> {
            Path dir = root.resolve(tree);
            if (!Files.isDirectory(dir)) {
                return null;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    String path = relative(dir, file);
                    byte[] bytes = Files.readAllBytes(file);
                    String text;
                    try {
                        text = utf8(bytes);
                    } catch (CharacterCodingException e) {
                        throw new IllegalStateException("built-in template " + tree + "/" + path + " is not UTF-8");
                    }
                    into.put(path, new Template(path, "built-in " + tree + "/" + path, text));
                }
            }
            return null;
        });
    }

    private static void readOverlay(Path overlay, String kind, String runtime, Map<String, Template> into)
            throws ScaffoldException {
        if (!Files.isDirectory(overlay)) {
            throw new ScaffoldException("--templates " + overlay + " is not a directory");
        }
        Path dir = overlay.resolve(kind).resolve(runtime);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(overlay.resolve(kind)) || Files.isSymbolicLink(dir)) {
            throw new ScaffoldException(dir + " is a symbolic link; a template tree holds plain directories and files");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> !p.equals(dir)).sorted().toList();
        } catch (IOException e) {
            throw new ScaffoldException("cannot read the templates in " + dir + ": " + e.getMessage());
        }
        if (files.size() > MAX_TEMPLATES) {
            throw new ScaffoldException(dir + " holds " + files.size() + " files; a template tree may hold at most "
                    + MAX_TEMPLATES);
        }
        for (Path file : files) {
            if (Files.isSymbolicLink(file)) {
                throw new ScaffoldException(file + " is a symbolic link; a template tree holds plain directories and files");
            }
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ScaffoldException(file + " is not a regular file");
            }
            try {
                long size = Files.size(file);
                if (size > MAX_TEMPLATE_BYTES) {
                    throw new ScaffoldException(file + " is " + size + " bytes; templates are limited to "
                            + MAX_TEMPLATE_BYTES + " bytes");
                }
                String text = utf8(Files.readAllBytes(file));
                String path = relative(dir, file);
                into.put(path, new Template(path, file.toString(), text));
            } catch (CharacterCodingException e) {
                throw new ScaffoldException(file + " is not UTF-8 text; templates are read as UTF-8");
            } catch (IOException e) {
                throw new ScaffoldException("cannot read template " + file + ": " + e.getMessage());
            }
        }
    }

    private interface RootVisitor<T> {
        T visit(Path root) throws IOException;
    }

    /** Opens the packaged tree, whether slk-core is a jar or (in its own build) a class directory. */
    private static <T> Optional<T> withBuiltInRoot(RootVisitor<T> visitor) {
        URL url = TemplateTree.class.getClassLoader().getResource(BUILT_IN);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                String text = uri.toString();
                URI jar = URI.create(text.substring(0, text.indexOf("!/")));
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.getFileSystem(jar);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(jar, Map.of());
                    opened = true;
                }
                try {
                    return Optional.ofNullable(visitor.visit(fs.getPath("/" + BUILT_IN)));
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            return Optional.ofNullable(visitor.visit(Path.of(uri)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the built-in templates at " + url, e);
        }
    }

    private static String relative(Path dir, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path part : dir.relativize(file)) {
            parts.add(stripSlash(part.toString()));
        }
        return String.join("/", parts);
    }

    private static String stripSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }
}
