package dev.slk.checklist.packaging;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.checklist.SchemaKeys;
import dev.slk.core.findings.Finding;
import dev.slk.core.registry.ModuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaging extras: README.md, config.schema.json and CHANGELOG.md exist, and the module's
 * version is semver and the same in the module class, the CHANGELOG's latest entry
 * ({@code ## 1.2.0} or {@code ## [1.2.0] - date}) and the module's pom.xml.
 */
public final class PackagingCheck implements Check {
    private static final Pattern ENTRY = Pattern.compile("^##\\s+\\[?v?([0-9][^\\]\\s]*)\\]?.*$");
    private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");
    private static final Pattern VERSION = Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>");

    @Override
    public Item item() {
        return Item.PACKAGING;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        Path readme = module.dir().resolve("README.md");
        Path changelog = module.dir().resolve("CHANGELOG.md");
        Path pom = module.dir().resolve("pom.xml");
        for (Path required : List.of(readme, changelog, pom)) {
            if (!Files.isRegularFile(required)) {
                findings.add(module.failure(item(), required, 0, 0, module.relative(required) + " is missing"));
            }
        }
        if (SchemaKeys.find(module).isEmpty()) {
            findings.add(module.failure(item(), module.dir().resolve("src/main/resources"), 0, 0,
                    "config.schema.json is missing (next to the module class, under src/main/resources)"));
        }
        String classVersion = module.registered().map(r -> r.module().moduleVersion()).orElse(null);
        if (classVersion == null) {
            evidence.add("module class not discovered (item 1): its version is not compared");
        } else if (!ModuleRegistry.SEMVER.matcher(classVersion).matches()) {
            findings.add(module.failure(item(), pom, 0, 0, "moduleVersion() '" + classVersion + "' is not semver"));
        }
        Version entry = Files.isRegularFile(changelog) ? latestEntry(changelog) : null;
        Version pomVersion = Files.isRegularFile(pom) ? pomVersion(pom) : null;
        if (Files.isRegularFile(changelog) && entry == null) {
            findings.add(module.failure(item(), changelog, 0, 0, "CHANGELOG.md has no version entry ('## 1.0.0')"));
        }
        if (Files.isRegularFile(pom) && pomVersion == null) {
            findings.add(module.failure(item(), pom, 0, 0, "pom.xml declares no <version> of its own"));
        }
        if (classVersion != null) {
            if (entry != null && !entry.value().equals(classVersion)) {
                findings.add(module.failure(item(), changelog, entry.line(), 1, "the latest CHANGELOG entry is "
                        + entry.value() + ", the module class says " + classVersion
                        + ": add an entry for " + classVersion));
            }
            if (pomVersion != null && !pomVersion.value().equals(classVersion)) {
                findings.add(module.failure(item(), pom, pomVersion.line(), 1, "pom.xml has version "
                        + pomVersion.value() + ", the module class says " + classVersion));
            }
        }
        evidence.add("versions: class " + classVersion + ", CHANGELOG " + (entry == null ? null : entry.value())
                + ", pom.xml " + (pomVersion == null ? null : pomVersion.value()));
        return new Measurement.Measured(evidence, findings);
    }

    /** A version and the line it is written on. */
    record Version(String value, int line) {
    }

    static Version latestEntry(Path changelog) throws IOException {
        List<String> lines = Files.readAllLines(changelog, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ENTRY.matcher(lines.get(i));
            if (m.matches()) {
                return new Version(m.group(1), i + 1);
            }
        }
        return null;
    }

    static Version pomVersion(Path pom) throws IOException {
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        Matcher parent = PARENT.matcher(text);
        String masked = parent.find()
                ? text.substring(0, parent.start()) + parent.group().replaceAll("[^\n]", " ") + text.substring(parent.end())
                : text;
        int dependencies = masked.indexOf("<dependencies>");
        Matcher m = VERSION.matcher(dependencies < 0 ? masked : masked.substring(0, dependencies));
        if (!m.find()) {
            return null;
        }
        int line = (int) masked.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        return new Version(m.group(1), line);
    }
}
