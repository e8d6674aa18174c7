package dev.slk.scaffold;

import dev.slk.core.BuildInfo;
import dev.slk.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Plans a new integration module: checks the id and paths, renders every template in memory and
 * works out the edit of the modules pom. {@link ScaffoldWriter} then writes the plan atomically.
 */
public final class ModuleScaffolder {
    /** The version a new module starts at. */
    public static final String FIRST_VERSION = "1.0.0";
    /** The template kind this class renders. */
    static final String KIND = "module";
    /** The config fragment a template tree provides at its top, used in the next steps. */
    static final String CONFIG_EXAMPLE = "config.example.yaml";
    private static final int MAX_TEXT = 200;
    private static final Pattern PATH_SEGMENT = Pattern.compile("^[A-Za-z0-9._-]+$");

    private ModuleScaffolder() {
    }

    /**
     * @param workspace the workspace to generate into; empty only for a dry run outside one
     * @param request what to generate
     * @param clock gives the copyright year
     * @param registered ids of the modules slk already knows, to where they come from
     * @return the plan
     * @throws ScaffoldException with a one-line reason when the request cannot be honoured
     */
    public static ScaffoldPlan plan(Optional<Workspace> workspace, NewModuleRequest request, Clock clock,
            Map<String, String> registered) throws ScaffoldException {
        ModuleNames names;
        try {
            names = ModuleNames.of(request.id());
        } catch (IllegalArgumentException e) {
            throw new ScaffoldException(e.getMessage());
        }
        String displayName = freeText("--name", request.name() == null ? ModuleNames.displayName(names.id()) : request.name());
        // Templates end the sentence themselves.
        String description = freeText("--description", request.description() == null
                ? "Brings " + displayName + " security events into AWS Security Lake" : request.description())
                .replaceAll("[.\\s]+$", "");
        String holder = freeText("--copyright-holder", request.copyrightHolder() != null ? request.copyrightHolder()
                : workspace.map(Workspace::copyrightHolder).orElse(Workspace.DEFAULT_COPYRIGHT_HOLDER));
        String basePackage = workspace.map(Workspace::modulesPackage).orElse(Workspace.DEFAULT_MODULES_PACKAGE);
        if (!SourceVersion.isName(basePackage)) {
            throw new ScaffoldException("modules.package '" + basePackage + "' in " + Workspace.MARKER
                    + " is not a Java package name");
        }
        String dir = request.dir() != null ? request.dir()
                : workspace.map(Workspace::modulesDir).orElse(Workspace.DEFAULT_MODULES_DIR);
        List<String> dirParts = relativeDir(dir);
        String dirPath = String.join("/", dirParts);
        String moduleDir = dirPath + "/" + names.id();
        Optional<Path> root = workspace.map(Workspace::root);

        if (root.isPresent()) {
            SafePaths.refuseSymlinks(root.get(), dirParts);
        }
        AggregatorPom aggregator = root.isPresent() ? aggregator(root.get(), dirParts, dirPath) : null;
        boolean exists = false;
        if (root.isPresent()) {
            Path target = SafePaths.resolve(root.get(), dirParts);
            Path module = target.resolve(names.id());
            if (Files.isSymbolicLink(module)) {
                throw new ScaffoldException(moduleDir + " is a symbolic link; slk does not write through links");
            }
            exists = Files.exists(module, LinkOption.NOFOLLOW_LINKS);
            if (exists && !request.force()) {
                throw new ScaffoldException(moduleDir + " already exists; choose another id, or use --force to "
                        + "overwrite the files slk generates there");
            }
            String source = registered.get(names.id());
            if (source != null && !Path.of(source).toAbsolutePath().normalize().startsWith(module.toAbsolutePath().normalize())) {
                throw new ScaffoldException("module id '" + names.id() + "' is already used by the module from "
                        + source + "; module ids must be unique");
            }
        } else if (registered.containsKey(names.id())) {
            throw new ScaffoldException("module id '" + names.id() + "' is already used by the module from "
                    + registered.get(names.id()) + "; module ids must be unique");
        }

        TemplateTree tree = TemplateTree.load(KIND, request.runtime(), request.templates());
        Map<String, Object> model = model(names, displayName, description, holder, basePackage, dirPath, moduleDir,
                aggregator, clock);
        List<ScaffoldPlan.PlannedFile> files = new ArrayList<>();
        List<String> mavenModules = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        String configExample = null;
        for (TemplateTree.Template template : tree.templates()) {
            String path = StrictMustache.render(template.origin() + " (its file name)", template.path(), model);
            List<String> parts = relativeFile(template.origin(), path);
            String relative = String.join("/", parts);
            String previous = origins.put(relative, template.origin());
            if (previous != null) {
                throw new ScaffoldException(previous + " and " + template.origin() + " both render to " + relative);
            }
            String text = StrictMustache.render(template.origin(), template.text(), model);
            String full = moduleDir + "/" + relative;
            boolean overwrites = false;
            if (root.isPresent() && exists) {
                SafePaths.refuseSymlinks(root.get(), List.of((full).split("/")));
                overwrites = Files.exists(root.get().resolve(full), LinkOption.NOFOLLOW_LINKS);
            }
            files.add(new ScaffoldPlan.PlannedFile(full, text.getBytes(StandardCharsets.UTF_8), overwrites));
            if (relative.equals("pom.xml") || relative.endsWith("/pom.xml")) {
                String moduleEntry = relative.equals("pom.xml") ? names.id()
                        : names.id() + "/" + relative.substring(0, relative.length() - "/pom.xml".length());
                mavenModules.add(moduleEntry);
            }
            if (relative.equals(CONFIG_EXAMPLE)) {
                configExample = text;
            }
        }
        Optional<ScaffoldPlan.PomChange> pom = Optional.empty();
        if (aggregator != null && !mavenModules.isEmpty()) {
            String after = aggregator.withModules(mavenModules);
            if (!after.equals(aggregator.text())) {
                List<String> added = mavenModules.stream().filter(m -> !aggregator.modules().contains(m)).toList();
                pom = Optional.of(new ScaffoldPlan.PomChange(dirPath + "/pom.xml", aggregator.text(), after, added));
            }
        }
        List<String> buildTargets = mavenModules.stream().map(m -> dirPath + "/" + m).toList();
        String build = buildTargets.isEmpty() ? null
                : "mvn -B -ntp verify -pl " + String.join(",", buildTargets) + " -am";
        ScaffoldPlan.NextSteps next = new ScaffoldPlan.NextSteps(build,
                configExample == null ? null : moduleDir + "/" + CONFIG_EXAMPLE,
                configExample == null ? null : withoutCommentHeader(configExample),
                (String) model.get("secretName"));
        return new ScaffoldPlan(root, moduleDir, names, files, pom, next);
    }

    private static AggregatorPom aggregator(Path root, List<String> dirParts, String dirPath) throws ScaffoldException {
        Path pom = SafePaths.resolve(root, dirParts).resolve("pom.xml");
        String display = dirPath + "/pom.xml";
        if (!Files.isRegularFile(pom)) {
            throw new ScaffoldException(display + " does not exist; --dir must name the directory whose pom.xml "
                    + "lists the integration modules (default: modules)");
        }
        try {
            return AggregatorPom.parse(display, Files.readString(pom, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScaffoldException("cannot read " + display + ": " + e.getMessage());
        }
    }

    static Map<String, Object> model(ModuleNames names, String displayName, String description, String holder,
            String basePackage, String dirPath, String moduleDir, AggregatorPom aggregator, Clock clock) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("moduleId", names.id());
        model.put("moduleVersion", FIRST_VERSION);
        text(model, "moduleName", displayName);
        text(model, "moduleDescription", description);
        text(model, "copyrightHolder", holder);
        model.put("year", String.valueOf(clock.instant().atZone(ZoneOffset.UTC).getYear()));
        model.put("idPascal", names.pascal());
        model.put("idCamel", names.camel());
        model.put("idSnake", names.snake());
        model.put("idUpperSnake", names.upperSnake());
        model.put("className", names.className());
        String javaPackage = basePackage + "." + names.packageSegment();
        model.put("javaPackage", javaPackage);
        model.put("javaPackagePath", javaPackage.replace('.', '/'));
        model.put("secretName", names.id() + "/credentials");
        model.put("modulesDir", dirPath);
        model.put("moduleDir", moduleDir);
        model.put("slkVersion", BuildInfo.slkVersion());
        model.put("parentGroupId", aggregator == null ? "dev.slk" : aggregator.groupId());
        model.put("parentArtifactId", aggregator == null ? "slk-modules" : aggregator.artifactId());
        model.put("parentVersion", aggregator == null ? BuildInfo.slkVersion() : aggregator.version());
        return model;
    }

    /** A free text value, with the escaped forms each kind of file needs (templates never HTML-escape). */
    private static void text(Map<String, Object> model, String key, String value) {
        model.put(key, value);
        model.put(key + "Java", value.replace("\\", "\\\\").replace("\"", "\\\""));
        model.put(key + "Json", value.replace("\\", "\\\\").replace("\"", "\\\""));
        model.put(key + "Xml", value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }

    private static String freeText(String option, String value) throws ScaffoldException {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new ScaffoldException(option + " is empty");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_TEXT) {
            throw new ScaffoldException(option + " is longer than " + MAX_TEXT + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new ScaffoldException(option + " contains a control character; use one line of plain text");
        }
        for (String banned : List.of("{{", "}}", "*/", "--")) {
            if (trimmed.contains(banned)) {
                throw new ScaffoldException(option + " contains '" + banned
                        + "', which would break the comments and templates it is written into");
            }
        }
        return trimmed;
    }

    /** A directory given by the user: relative, inside the workspace, no {@code ..}. */
    private static List<String> relativeDir(String dir) throws ScaffoldException {
        if (dir.isBlank()) {
            throw new ScaffoldException("--dir is empty");
        }
        if (dir.startsWith("/") || dir.startsWith("\\") || dir.matches("^[A-Za-z]:.*")) {
            throw new ScaffoldException("--dir " + dir + " is an absolute path; give a directory inside the workspace, "
                    + "relative to its root (e.g. modules)");
        }
        List<String> parts = new ArrayList<>();
        for (String part : dir.split("[/\\\\]+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new ScaffoldException("--dir " + dir + " leaves the workspace ('..'); give a directory inside it");
            }
            if (!PATH_SEGMENT.matcher(part).matches()) {
                throw new ScaffoldException("--dir " + dir + ": '" + part
                        + "' is not a plain directory name (letters, digits, '.', '_', '-')");
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw new ScaffoldException("--dir " + dir + " is the workspace root; modules live in a directory below it");
        }
        return parts;
    }

    /** A rendered template path: relative, plain names, no {@code ..}. */
    private static List<String> relativeFile(String origin, String path) throws ScaffoldException {
        if (path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            throw new ScaffoldException(origin + ": its file name renders to '" + path + "', which is not a relative path");
        }
        List<String> parts = List.of(path.split("/"));
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || !PATH_SEGMENT.matcher(part).matches()) {
                throw new ScaffoldException(origin + ": its file name renders to '" + path
                        + "', which has the unsafe part '" + part + "'");
            }
        }
        return parts;
    }

    /** The fragment as a user pastes it: without the leading comment lines (copyright, explanation). */
    private static String withoutCommentHeader(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && (lines.get(0).startsWith("#") || lines.get(0).isBlank())) {
            lines.remove(0);
        }
        return String.join("\n", lines);
    }
}
