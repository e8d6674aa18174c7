package dev.slk.core.registry;

import dev.slk.spi.IntegrationModule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The integration modules registered with {@link ServiceLoader}, checked: a module with a
 * malformed id or version, a duplicate id, or a constructor that throws is refused with a
 * problem naming its class and jar, and the others stay usable.
 */
public final class ModuleRegistry {
    /** The module id rule of the SPI. */
    public static final Pattern MODULE_ID = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    /** Semantic Versioning 2.0.0, the grammar of semver.org. */
    public static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");
    private static final int MAX_PROVIDERS = 10_000;

    private final Map<String, RegisteredModule> modules;
    private final List<RegistryProblem> problems;

    private ModuleRegistry(Map<String, RegisteredModule> modules, List<RegistryProblem> problems) {
        this.modules = modules;
        this.problems = List.copyOf(problems);
    }

    /**
     * Discovers and checks every module visible to a class loader.
     *
     * @param loader the class loader whose {@code META-INF/services} entries are read
     * @return the registry
     */
    public static ModuleRegistry discover(ClassLoader loader) {
        Map<String, RegisteredModule> byId = new LinkedHashMap<>();
        List<RegistryProblem> problems = new ArrayList<>();
        Iterator<ServiceLoader.Provider<IntegrationModule>> providers =
                ServiceLoader.load(IntegrationModule.class, loader).stream().iterator();
        for (int seen = 0; seen < MAX_PROVIDERS; seen++) {
            ServiceLoader.Provider<IntegrationModule> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                String entry = entryName(e);
                problems.add(new RegistryProblem(entry, servicesFileListing(loader, entry), rootMessage(e)));
                continue;
            }
            register(provider, byId, problems);
        }
        Map<String, RegisteredModule> sorted = new LinkedHashMap<>();
        byId.values().stream().sorted(Comparator.comparing(RegisteredModule::id))
                .forEach(m -> sorted.put(m.id(), m));
        return new ModuleRegistry(sorted, problems);
    }

    private static void register(ServiceLoader.Provider<IntegrationModule> provider,
            Map<String, RegisteredModule> byId, List<RegistryProblem> problems) {
        Class<? extends IntegrationModule> type = provider.type();
        String source = sourceOf(type);
        IntegrationModule module;
        String id;
        String version;
        try {
            module = provider.get();
            id = module.moduleId();
            version = module.moduleVersion();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError | AssertionError e) {
            problems.add(new RegistryProblem(type.getName(), source,
                    "cannot be created: its constructor or id/version accessor threw " + rootMessage(e)));
            return;
        }
        if (id == null || !MODULE_ID.matcher(id).matches()) {
            problems.add(new RegistryProblem(type.getName(), source, "module id '" + id
                    + "' is invalid: use lower-case letters and digits in hyphen-separated words, e.g. okta-logs"));
            return;
        }
        if (version == null || !SEMVER.matcher(version).matches()) {
            problems.add(new RegistryProblem(type.getName(), source, "module " + id + " has version '" + version
                    + "', which is not a Semantic Versioning 2.0.0 version such as 1.0.0"));
            return;
        }
        RegisteredModule existing = byId.get(id);
        if (existing != null) {
            problems.add(new RegistryProblem(type.getName(), source, "duplicate module id '" + id
                    + "': already registered by " + existing.describe()));
            return;
        }
        byId.put(id, new RegisteredModule(module, source));
    }

    /** @return the registered modules, sorted by id */
    public List<RegisteredModule> modules() {
        return List.copyOf(modules.values());
    }

    /** @return the ids of the registered modules, sorted */
    public List<String> ids() {
        return List.copyOf(modules.keySet());
    }

    /**
     * @param id a module id
     * @return the module with that id
     */
    public Optional<RegisteredModule> find(String id) {
        return Optional.ofNullable(modules.get(id));
    }

    /** @return the modules that could not be registered */
    public List<RegistryProblem> problems() {
        return problems;
    }

    /** Where a class was loaded from: a jar or class directory path, as short as is clear. */
    static String sourceOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(code.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return code.getLocation().toString();
        }
    }

    /**
     * The class a ServiceLoader error is about. Its messages read
     * {@code "<service>: Provider <class> not found"} or {@code "<service>: <class> <problem>"}.
     */
    static String entryName(ServiceConfigurationError e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher m = Pattern.compile("^[\\w.$]+: (?:Provider )?([\\w.$]+)").matcher(message);
        return m.find() ? m.group(1) : "(unknown class)";
    }

    /** The jar or directory whose services file lists the class, when the class itself cannot be loaded. */
    private static String servicesFileListing(ClassLoader loader, String className) {
        try {
            java.util.Enumeration<java.net.URL> files =
                    loader.getResources("META-INF/services/" + IntegrationModule.class.getName());
            while (files.hasMoreElements()) {
                java.net.URL url = files.nextElement();
                try (java.io.InputStream in = url.openStream()) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    if (text.lines().map(l -> l.replaceAll("#.*", "").trim()).anyMatch(className::equals)) {
                        return containerOf(url);
                    }
                }
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String containerOf(java.net.URL servicesFile) {
        String text = servicesFile.toString();
        if (text.startsWith("jar:file:")) {
            String jarUri = text.substring(4, text.indexOf("!/"));
            try {
                return Path.of(java.net.URI.create(jarUri)).toString();
            } catch (IllegalArgumentException e) {
                return jarUri;
            }
        }
        if (text.startsWith("file:")) {
            Path file = Path.of(java.net.URI.create(text));
            // .../META-INF/services/<service> -> the class directory
            return file.getParent().getParent().getParent().toString();
        }
        return text;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
