package dev.slk.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules come from real jars; every refusal names the class and the jar. */
class ModuleRegistryTest {
    @TempDir
    static Path dir;

    private static ModuleRegistry registry;
    private static Path jar;

    @BeforeAll
    static void discoverModulesFromAJar() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("acme.GoodModule", ModuleJars.module("acme", "GoodModule", "acme-logs", "2.0.0-rc.1+build.5", ""));
        sources.put("acme.DuplicateModule", ModuleJars.module("acme", "DuplicateModule", "acme-logs", "1.0.0", ""));
        sources.put("acme.BadIdModule", ModuleJars.module("acme", "BadIdModule", "Acme_Logs", "1.0.0", ""));
        sources.put("acme.BadVersionModule", ModuleJars.module("acme", "BadVersionModule", "acme-other", "1.0", ""));
        sources.put("acme.ThrowingModule", ModuleJars.module("acme", "ThrowingModule", "acme-throws", "1.0.0",
                "if (true) throw new IllegalStateException(\"no credentials\");"));
        jar = ModuleJars.build(dir, "acme-modules-1.0.jar", sources);
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ModuleRegistryTest.class.getClassLoader());
        registry = ModuleRegistry.discover(loader);
    }

    private static RegistryProblem problemOf(String className) {
        return registry.problems().stream().filter(p -> p.className().equals(className)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + className + " in " + registry.problems()));
    }

    @Test
    void registersValidModulesFromTheJarAndTheClassPath() {
        assertEquals(List.of("acme-logs", "sample-sink", "sample-source"), registry.ids());
        assertEquals(jar.toString(), registry.find("acme-logs").orElseThrow().source());
    }

    @Test
    void refusesADuplicateIdNamingBothClassesAndJars() {
        RegistryProblem p = problemOf("acme.DuplicateModule");
        assertEquals(jar.toString(), p.source());
        assertTrue(p.toString().contains("duplicate module id 'acme-logs'")
                && p.toString().contains("acme.GoodModule (from " + jar + ")"), p.toString());
    }

    @Test
    void refusesAnIdThatBreaksTheRule() {
        RegistryProblem p = problemOf("acme.BadIdModule");
        assertTrue(p.toString().startsWith("module acme.BadIdModule (from " + jar + "): module id 'Acme_Logs' is invalid"),
                p.toString());
    }

    @Test
    void refusesAVersionThatIsNotSemver() {
        assertTrue(problemOf("acme.BadVersionModule").message().contains("'1.0', which is not a Semantic Versioning"));
    }

    @Test
    void refusesAModuleWhoseConstructorThrows() {
        RegistryProblem p = problemOf("acme.ThrowingModule");
        assertEquals(jar.toString(), p.source());
        assertTrue(p.message().contains("IllegalStateException: no credentials"), p.message());
    }

    @Test
    void reportsAServicesEntryWhoseClassIsMissing() throws Exception {
        Path broken = ModuleJars.build(dir, "broken.jar", Map.of());
        // A services file naming a class that is not in any jar.
        Path servicesOnly = dir.resolve("services-only");
        java.nio.file.Files.createDirectories(servicesOnly.resolve("META-INF/services"));
        java.nio.file.Files.writeString(servicesOnly.resolve("META-INF/services/dev.slk.spi.IntegrationModule"),
                "acme.Missing\n");
        ModuleRegistry r = ModuleRegistry.discover(new URLClassLoader(
                new URL[] {broken.toUri().toURL(), servicesOnly.toUri().toURL()}, getClass().getClassLoader()));
        assertEquals("acme.Missing", r.problems().get(0).className());
        assertEquals(List.of("sample-sink", "sample-source"), r.ids());
        assertEquals(servicesOnly.toString(), r.problems().get(0).source());
    }

    @Test
    void semverAcceptsPreReleaseAndBuildAndRejectsLeadingZeros() {
        assertTrue(ModuleRegistry.SEMVER.matcher("1.0.0-alpha.1+sha.5114f85").matches());
        assertTrue(!ModuleRegistry.SEMVER.matcher("01.0.0").matches());
        assertTrue(!ModuleRegistry.SEMVER.matcher("1.0.0-").matches());
    }
}
