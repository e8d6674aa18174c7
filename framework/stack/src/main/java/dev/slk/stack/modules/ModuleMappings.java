package dev.slk.stack.modules;

import dev.slk.ocsf.mapping.LoadResult;
import dev.slk.ocsf.mapping.MappingLoader;
import dev.slk.ocsf.mapping.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The event mappings of the enabled modules, validated and laid out {@code <moduleId>/<file>}
 * in a directory that becomes the event transformer's mapping layer.
 */
final class ModuleMappings {
    private static final Pattern FILE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.ya?ml$");

    private final Path directory;
    private int files;

    /** @param directory an empty directory; the layer's content ({@code slk/mappings/...}) goes in it */
    ModuleMappings(Path directory) {
        this.directory = directory;
    }

    /** @return the layer's root directory */
    Path directory() {
        return directory;
    }

    /** @return how many mapping files were added */
    int files() {
        return files;
    }

    /**
     * Validates a module's mapping files and copies them into the layer.
     *
     * @param moduleId the module
     * @param urls what {@code eventMappings()} returned
     * @return the file names added
     * @throws ModuleHookException when a file is missing, badly named or invalid
     */
    List<String> add(String moduleId, List<URL> urls) {
        Set<String> names = new HashSet<>();
        Path target = directory.resolve("slk").resolve("mappings").resolve(moduleId);
        for (URL url : urls) {
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!FILE_NAME.matcher(name).matches()) {
                throw new ModuleHookException(moduleId, "eventMappings", "mapping file '" + name
                        + "' must be named <letters, digits, '.', '_', '-'>.yaml", null);
            }
            if (!names.add(name)) {
                throw new ModuleHookException(moduleId, "eventMappings", "mapping file '" + name
                        + "' is listed twice", null);
            }
            byte[] bytes = read(moduleId, url, name);
            LoadResult result = MappingLoader.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                    moduleId + "/" + name);
            if (result instanceof LoadResult.Invalid invalid) {
                throw new ModuleHookException(moduleId, "eventMappings", invalid.problems().size()
                        + " problem(s) in its mappings, first: " + first(invalid.problems()), null);
            }
            try {
                Files.createDirectories(target);
                Files.write(target.resolve(name), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stage the mappings of " + moduleId, e);
            }
            files++;
        }
        return List.copyOf(names.stream().sorted().toList());
    }

    private static byte[] read(String moduleId, URL url, String name) {
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes(MappingLoader.MAX_BYTES + 1);
            if (bytes.length > MappingLoader.MAX_BYTES) {
                throw new ModuleHookException(moduleId, "eventMappings", "mapping file '" + name
                        + "' is larger than " + MappingLoader.MAX_BYTES + " bytes", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new ModuleHookException(moduleId, "eventMappings", "cannot read mapping file '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    private static String first(List<Problem> problems) {
        return problems.isEmpty() ? "(none)" : problems.get(0).toString();
    }
}
