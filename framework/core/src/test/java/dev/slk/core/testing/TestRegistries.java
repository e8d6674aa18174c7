package dev.slk.core.testing;

import dev.slk.core.registry.ModuleRegistry;
import dev.slk.spi.IntegrationModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Registries of the test class path plus modules registered only for the tests that ask, as a
 * workspace module is: a services file in a directory of its own, on a class loader over the
 * test class path. The modules the shared services file lists stay the same for every other test.
 */
public final class TestRegistries {
    private TestRegistries() {
    }

    /**
     * @param dir an empty directory for the services file
     * @param modules module classes on the test class path
     * @return sample-sink, sample-source and the given modules
     */
    public static ModuleRegistry with(Path dir, Class<?>... modules) {
        try {
            Path services = dir.resolve("META-INF/services/" + IntegrationModule.class.getName());
            Files.createDirectories(services.getParent());
            Files.writeString(services, Arrays.stream(modules).map(Class::getName)
                    .collect(Collectors.joining("\n", "", "\n")));
            return ModuleRegistry.discover(new URLClassLoader(new URL[] {dir.toUri().toURL()},
                    TestRegistries.class.getClassLoader()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
