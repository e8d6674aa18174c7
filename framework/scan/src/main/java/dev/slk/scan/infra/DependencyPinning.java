package dev.slk.scan.infra;

import dev.slk.core.findings.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * Rule {@code infra-unpinned-dependency}: build inputs of a module that are not pinned to one
 * version, so that two builds of the same commit can use different code.
 *
 * <p>Checks every {@code pom.xml} (parent, dependency, plugin and extension versions that are
 * ranges, {@code LATEST}, {@code RELEASE} or {@code -SNAPSHOT}) and every {@code requirements*.txt}
 * (requirements without an exact {@code ==} version) under the module directory, outside
 * {@code target/}, {@code node_modules/} and {@code .git/}. A pom with a DOCTYPE is not parsed
 * further; it gives an {@code infra-unchecked-file} finding.
 *
 * <p>A finding whose path lies under {@code modules/<moduleId>/} (the repository's layout) is
 * attributed to that module; others carry no module.
 */
public final class DependencyPinning {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private static final String MODULES_DIR = "modules/";

    /** Properties referring to properties: deeper chains than this are not followed. */
    private static final int MAX_PROPERTY_DEPTH = 10;

    private DependencyPinning() {
    }

    /**
     * @param moduleDir the module's directory
     * @param relativePrefix the path of {@code moduleDir} relative to the scanned root, e.g.
     *     "modules/okta-logs"; "" for the root itself
     * @return the findings, ordered by path and position
     */
    public static List<Finding> check(Path moduleDir, String relativePrefix) {
        List<Finding> findings = new ArrayList<>();
        for (Path pom : InputFiles.findUnder(moduleDir, name -> name.equals("pom.xml"))) {
            checkPom(pom, InputFiles.join(relativePrefix, moduleDir.relativize(pom)), findings);
        }
        for (Path requirements : InputFiles.findUnder(moduleDir,
                name -> name.startsWith("requirements") && name.endsWith(".txt"))) {
            checkRequirements(requirements, InputFiles.join(relativePrefix, moduleDir.relativize(requirements)),
                    findings);
        }
        findings.sort(Finding.ORDER);
        return findings.stream().map(f -> f.withModule(moduleOf(f.location().file()))).toList();
    }

    /** @return the id of the module whose directory holds the path, or null */
    static String moduleOf(String path) {
        if (!path.startsWith(MODULES_DIR)) {
            return null;
        }
        int end = path.indexOf('/', MODULES_DIR.length());
        return end <= MODULES_DIR.length() ? null : path.substring(MODULES_DIR.length(), end);
    }

    private static void checkPom(Path file, String path, List<Finding> out) {
        PomVersions.Pom pom;
        try {
            pom = PomVersions.read(InputFiles.readUtf8(file));
        } catch (InputFiles.UncheckableException e) {
            out.add(InfraFindings.unchecked(path, 1, 1, e.getMessage()));
            return;
        } catch (PomVersions.DoctypeException e) {
            out.add(InfraFindings.unchecked(path, e.line(), 1, e.getMessage()));
            return;
        } catch (XMLStreamException e) {
            // The parser's message may quote the content; the position is enough to find the error.
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNumber();
            out.add(InfraFindings.unchecked(path, line, column, "it is not well-formed XML"));
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (PomVersions.Coordinate c : pom.coordinates()) {
            Optional<String> resolved = resolve(c.version(), pom.properties());
            Optional<String> problem = resolved.flatMap(DependencyPinning::problem);
            if (problem.isEmpty()) {
                continue;
            }
            String shown = c.version().equals(resolved.get()) ? c.version()
                    : c.version() + " (= " + resolved.get() + ")";
            String message = c.kind() + " " + c.name() + " has version " + shown + ", " + problem.get()
                    + ", not one pinned version";
            out.add(InfraFindings.of(InfraRules.UNPINNED_DEPENDENCY, path, c.line(), c.column(), message, "", null,
                    occurrence(seen, c.name())));
        }
    }

    private static void checkRequirements(Path file, String path, List<Finding> out) {
        String text;
        try {
            text = InputFiles.readUtf8(file);
        } catch (InputFiles.UncheckableException e) {
            out.add(InfraFindings.unchecked(path, 1, 1, e.getMessage()));
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Requirements.Unpinned r : Requirements.unpinned(text)) {
            String message = r.specifier().isEmpty()
                    ? "requirement " + r.name() + " has no version"
                    : "requirement " + r.name() + " has version " + r.specifier() + ", not one pinned version (==)";
            out.add(InfraFindings.of(InfraRules.UNPINNED_DEPENDENCY, path, r.line(), r.column(), message, "", null,
                    occurrence(seen, r.name())));
        }
    }

    /** @return why the version is not pinned, or empty when it is */
    static Optional<String> problem(String version) {
        if (version.startsWith("[") || version.startsWith("(")) {
            return Optional.of("a version range");
        }
        if (version.equals("LATEST") || version.equals("RELEASE")) {
            return Optional.of("a moving meta-version");
        }
        if (version.toUpperCase(Locale.ROOT).endsWith("-SNAPSHOT")) {
            return Optional.of("a snapshot");
        }
        return Optional.empty();
    }

    /**
     * @return the version with ${...} replaced from the pom's properties; empty when a property is
     *     not defined there (inherited or built-in, so not known here)
     */
    static Optional<String> resolve(String version, Map<String, String> properties) {
        String value = version;
        for (int depth = 0; depth < MAX_PROPERTY_DEPTH && value.contains("${"); depth++) {
            Matcher m = PROPERTY.matcher(value);
            StringBuilder resolved = new StringBuilder();
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                if (replacement == null) {
                    return Optional.empty();
                }
                m.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(resolved);
            value = resolved.toString();
        }
        return value.contains("${") ? Optional.empty() : Optional.of(value);
    }

    /**
     * The same artifact can appear twice in one file (dependencyManagement and dependencies); the
     * second one gets a distinct fingerprint part so that the two do not collapse in a baseline.
     */
    private static String occurrence(Map<String, Integer> seen, String name) {
        int n = seen.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "#" + n;
    }
}
