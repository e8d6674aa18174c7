package dev.slk.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.registry.RegisteredModule;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceModulesTest {
    @TempDir
    Path root;
    private Workspace workspace;

    @BeforeEach
    void workspace() throws Exception {
        Files.writeString(root.resolve(Workspace.MARKER), "");
        pom(root, "<module>framework</module>\n<!-- <module>old</module> -->\n<module>modules</module>\n"
                + "<module>../outside</module>");
        pom(root.resolve("framework"), "");
        pom(root.resolve("modules"), "<module>built</module><module>built/src/lambda/fn</module><module>fresh</module>");
        workspace = Workspace.read(root);
    }

    private static void pom(Path dir, String modules) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), "<project><modules>" + modules + "</modules></project>\n");
    }

    /** A module as its build leaves it: classes and services file in target/classes, its class path listed. */
    private void buildModule(Path dir, String id, List<Path> classPath) throws Exception {
        pom(dir, "");
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        String pkg = "ws." + id.replace("-", "");
        String source = "package " + pkg + ";\n"
                + "public final class M extends dev.slk.spi.BaseIntegrationModule {\n"
                + "  public String moduleId() { return \"" + id + "\"; }\n"
                + "  public String moduleName() { return \"M\"; }\n"
                + "  public String moduleVersion() { return \"1.0.0\"; }\n"
                + "  public String moduleDescription() { return helper.Helper.describe(); }\n"
                + "  public dev.slk.spi.ModuleResources createResources(software.constructs.Construct s,"
                + " dev.slk.spi.CoreResources c, com.fasterxml.jackson.databind.JsonNode n) {"
                + " return dev.slk.spi.ModuleResources.none(); }\n}\n";
        compile(classes, pkg + ".M", source, System.getProperty("java.class.path") + File.pathSeparator
                + String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(classes.resolve(WorkspaceModules.SERVICES), pkg + ".M\n");
        Files.writeString(dir.resolve("target").resolve(WorkspaceModules.CLASS_PATH_FILE),
                String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    }

    /** A library jar the module needs at run time, which slk itself does not have. */
    private Path helperJar() throws Exception {
        Path classes = Files.createDirectories(root.resolve("helper-classes"));
        compile(classes, "helper.Helper", "package helper; public final class Helper {"
                + " public static String describe() { return \"uses a library of its own\"; } }",
                System.getProperty("java.class.path"));
        Path jar = root.resolve("helper-1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("helper/Helper.class"));
            Files.copy(classes.resolve("helper/Helper.class"), out);
            out.closeEntry();
        }
        return jar;
    }

    private static void compile(Path into, String className, String source, String classPath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-d", into.toString(), "-classpath", classPath, "--release", "17", "-proc:none");
        assertTrue(compiler.getTask(null, null, null, options, null, List.of(unit)).call(), className);
    }

    @Test
    void walksTheReactorInDeclarationOrderAndStaysInsideTheWorkspace() {
        assertEquals(List.of(root.resolve("framework"), root.resolve("modules")), WorkspaceModules.reactor(root));
    }

    @Test
    void loadsTheBuiltModulesWithTheirOwnLibrariesButSlksSharedOnes() throws Exception {
        Path helper = helperJar();
        String ownJar = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(e -> e.contains("jackson-databind")).findFirst().orElseThrow();
        buildModule(root.resolve("modules/built"), "built-mod", List.of(helper, Path.of(ownJar)));
        pom(root.resolve("modules/built/src/lambda/fn"), "");
        pom(root.resolve("modules/fresh"), "");
        Files.createDirectories(root.resolve("modules/fresh/src/main/resources/META-INF/services"));
        Files.writeString(root.resolve("modules/fresh/src/main/resources").resolve(WorkspaceModules.SERVICES), "x.Y\n");

        WorkspaceModules modules = WorkspaceModules.scan(workspace);
        assertEquals(1, modules.built().size());
        assertEquals(List.of(root.resolve("modules/built/target/classes"), helper), modules.built().get(0).classPath());
        assertEquals(List.of(root.resolve("modules/fresh")), modules.notBuilt());

        ModuleRegistry registry = ModuleRegistry.discover(modules.classLoader(getClass().getClassLoader()));
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
        RegisteredModule found = registry.find("built-mod").orElseThrow();
        assertEquals("uses a library of its own", found.module().moduleDescription());
        assertEquals(root.resolve("modules/built/target/classes").toString(), found.source());
        assertSame(dev.slk.spi.IntegrationModule.class.getClassLoader(),
                found.module().getClass().getSuperclass().getClassLoader(), "the SPI is slk's own");
    }

    @Test
    void withNothingBuiltSlksOwnClassLoaderIsUsed() {
        ClassLoader own = getClass().getClassLoader();
        assertSame(own, WorkspaceModules.scan(workspace).classLoader(own));
    }

    @Test
    void slksOwnJarsAreKnownByName() {
        List<String> names = new ArrayList<>(WorkspaceModules.ownJarNames());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("jackson-databind")), names.toString());
    }

    @Test
    void anUnreadableClassPathFileIsTreatedAsEmpty() throws Exception {
        buildModule(root.resolve("modules/built"), "built-mod", List.of(helperJar()));
        Files.delete(root.resolve("modules/built/target").resolve(WorkspaceModules.CLASS_PATH_FILE));
        Files.createDirectories(root.resolve("modules/built/target").resolve(WorkspaceModules.CLASS_PATH_FILE));
        assertEquals(List.of(root.resolve("modules/built/target/classes")),
                WorkspaceModules.scan(workspace).built().get(0).classPath());
    }
}
