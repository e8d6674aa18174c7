package dev.slk.core.workspace;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integration modules built in a workspace, and a class loader that lets slk discover them
 * without reinstalling slk.
 *
 * <p>slk walks the Maven reactor from the workspace's root {@code pom.xml} through every
 * {@code <module>} entry. A module counts as built when its {@code target/classes} holds
 * {@code META-INF/services/dev.slk.spi.IntegrationModule}. Its class path is
 * {@code target/classes} plus the jars listed in {@code target/slk-classpath.txt}, which the
 * {@code slk-modules} parent pom writes at every build; jars slk itself already has (same file
 * name) are left out, so slk's SPI, CDK and Jackson are the ones every module sees.
 *
 * @param built the built modules, in reactor order
 * @param notBuilt module directories that register a module in their sources but have not been
 *     built (or were cleaned)
 */
public record WorkspaceModules(List<BuiltModule> built, List<Path> notBuilt) {
    /** The ServiceLoader registration of integration modules. */
    public static final String SERVICES = "META-INF/services/dev.slk.spi.IntegrationModule";
    /** Written by the module build: the module's runtime class path, one {@code File.pathSeparator}-separated line. */
    public static final String CLASS_PATH_FILE = "slk-classpath.txt";
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<]+?)\\s*</module>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final int MAX_POMS = 1000;

    /**
     * A module whose build output slk can load.
     *
     * @param dir the module's directory
     * @param classPath its {@code target/classes} followed by the jars of its runtime class path
     *     that slk does not already have
     */
    public record BuiltModule(Path dir, List<Path> classPath) {
    }

    /**
     * @param workspace the workspace
     * @return its built and not yet built modules
     */
    public static WorkspaceModules scan(Workspace workspace) {
        Set<String> own = ownJarNames();
        List<BuiltModule> built = new ArrayList<>();
        List<Path> notBuilt = new ArrayList<>();
        for (Path dir : reactor(workspace.root())) {
            Path classes = dir.resolve("target/classes");
            if (Files.isRegularFile(classes.resolve(SERVICES))) {
                List<Path> classPath = new ArrayList<>();
                classPath.add(classes);
                for (Path jar : declaredClassPath(dir.resolve("target").resolve(CLASS_PATH_FILE))) {
                    if (!own.contains(jar.getFileName().toString()) && Files.exists(jar)) {
                        classPath.add(jar);
                    }
                }
                built.add(new BuiltModule(dir, classPath));
            } else if (Files.isRegularFile(dir.resolve("src/main/resources").resolve(SERVICES))) {
                notBuilt.add(dir);
            }
        }
        return new WorkspaceModules(List.copyOf(built), List.copyOf(notBuilt));
    }

    /**
     * @param parent slk's own class loader; it is asked first, so the SPI classes are shared
     * @return a loader that adds the built modules to {@code parent}, or {@code parent} itself
     *     when no module is built
     */
    public ClassLoader classLoader(ClassLoader parent) {
        if (built.isEmpty()) {
            return parent;
        }
        Set<URL> urls = new LinkedHashSet<>();
        for (BuiltModule module : built) {
            for (Path entry : module.classPath()) {
                try {
                    urls.add(entry.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException("cannot turn " + entry + " into a URL", e);
                }
            }
        }
        return new URLClassLoader("slk-workspace-modules", urls.toArray(URL[]::new), parent);
    }

    /**
     * The directories of the reactor's modules, depth first in declaration order, starting at the
     * root pom (which is not itself listed). Entries outside the workspace are ignored.
     *
     * @param root the workspace root
     * @return the module directories, absolute and normalized
     */
    public static List<Path> reactor(Path root) {
        List<Path> modules = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        Path top = root.toAbsolutePath().normalize();
        pending.push(top);
        seen.add(top);
        while (!pending.isEmpty() && seen.size() <= MAX_POMS) {
            Path dir = pending.pop();
            if (!dir.equals(top)) {
                modules.add(dir);
            }
            List<Path> children = new ArrayList<>();
            for (String entry : moduleEntries(dir.resolve("pom.xml"))) {
                try {
                    Path child = dir.resolve(entry).toAbsolutePath().normalize();
                    if (child.getFileName() != null && child.getFileName().toString().equals("pom.xml")) {
                        child = child.getParent();
                    }
                    if (child.startsWith(top) && seen.add(child) && Files.isRegularFile(child.resolve("pom.xml"))) {
                        children.add(child);
                    }
                } catch (InvalidPathException e) {
                    // Not a path this file system knows; Maven would refuse it too.
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return modules;
    }

    private static List<String> moduleEntries(Path pom) {
        String text;
        try {
            text = Files.readString(pom, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        Matcher m = MODULE.matcher(COMMENT.matcher(text).replaceAll(""));
        while (m.find()) {
            entries.add(m.group(1));
        }
        return entries;
    }

    private static List<Path> declaredClassPath(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try {
            for (String entry : Files.readString(file, StandardCharsets.UTF_8).trim().split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry.trim()));
                }
            }
        } catch (IOException | InvalidPathException e) {
            return List.of();
        }
        return entries;
    }

    /**
     * File names of the jars on slk's own class path: the JVM's class path and the
     * {@code Class-Path} of each jar's manifest ({@code slk.jar} names its {@code lib/} jars there,
     * and so does the jar Surefire starts tests with).
     */
    static Set<String> ownJarNames() {
        Set<String> names = new HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            Path path;
            try {
                path = Path.of(entry);
            } catch (InvalidPathException e) {
                continue;
            }
            if (path.getFileName() == null) {
                continue;
            }
            names.add(path.getFileName().toString());
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                names.addAll(manifestClassPath(path));
            }
        }
        return names;
    }

    private static Set<String> manifestClassPath(Path jar) {
        Set<String> names = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String item : classPath.trim().split("\\s+")) {
                    String path = item.startsWith("file:") ? URI.create(item).getPath() : item;
                    int slash = path.lastIndexOf('/');
                    names.add(path.substring(slash + 1));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return names;
        }
        return names;
    }
}
