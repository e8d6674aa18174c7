package dev.slk.core.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles module sources into a real jar with a ServiceLoader registration, as a module author's build would. */
final class ModuleJars {
    private ModuleJars() {
    }

    /**
     * @param dir where to work
     * @param jarName file name of the jar
     * @param sources fully qualified class name to source
     * @return the jar
     */
    static Path build(Path dir, String jarName, Map<String, String> sources) throws IOException {
        Path classes = Files.createDirectories(dir.resolve(jarName + "-classes"));
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none");
        if (!units.isEmpty() && !compiler.getTask(null, null, null, options, null, units).call()) {
            throw new IllegalStateException("test module sources do not compile");
        }
        Path jar = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.slk.spi.IntegrationModule"));
            write(out, String.join("\n", sources.keySet()) + "\n");
            out.closeEntry();
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Source of a module with the given id, version and constructor body. */
    static String module(String pkg, String cls, String id, String version, String constructorBody) {
        return """
                package %s;
                public final class %s extends dev.slk.spi.BaseIntegrationModule {
                    public %s() { %s }
                    public String moduleId() { return "%s"; }
                    public String moduleName() { return "Test"; }
                    public String moduleVersion() { return "%s"; }
                    public String moduleDescription() { return "test"; }
                    public dev.slk.spi.ModuleResources createResources(software.constructs.Construct s,
                            dev.slk.spi.CoreResources c, com.fasterxml.jackson.databind.JsonNode config) {
                        return dev.slk.spi.ModuleResources.none();
                    }
                }
                """.formatted(pkg, cls, cls, constructorBody, id, version);
    }
}
