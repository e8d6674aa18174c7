package dev.slk.checklist.docs;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.checklist.SchemaKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item 8: README.md against config.schema.json, both ways, and the seed's sections. A key is
 * documented when its dotted path appears in backquotes ({@code `eventProcessor.timeout`}) or in
 * a YAML example under {@code config:}; the README documents a key when the first cell of a
 * table row of its Configuration section, or a YAML example there, names it.
 */
public final class ReadmeCheck implements Check {
    /** The sections of the seed's module README, as words a heading must contain. */
    public static final List<String> SECTIONS = List.of("overview", "data source", "prerequisites", "architecture",
            "configuration", "setup", "iam permissions", "monitoring", "troubleshooting");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    /** A YAML key, also the first of a list item ({@code - moduleId: x}, whose key is indented past the dash). */
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)(-\\s+)?([A-Za-z][A-Za-z0-9_]*):(\\s.*)?$");

    @Override
    public Item item() {
        return Item.README;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        Path readme = module.dir().resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            return new Measurement.Measured(List.of(), List.of(module.failure(item(), readme, 0, 0,
                    "the module has no README.md")));
        }
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        sections(module, readme, lines, findings, evidence);
        Optional<SchemaKeys> schema = SchemaKeys.find(module);
        if (schema.isEmpty()) {
            findings.add(module.failure(item(), readme, 0, 0,
                    "the module has no config.schema.json, so its README cannot be checked against it"));
            return new Measurement.Measured(evidence, findings);
        }
        Map<String, Integer> mentioned = new LinkedHashMap<>();
        Map<String, Integer> documented = new LinkedHashMap<>();
        collect(lines, mentioned, documented);
        Set<String> keys = schema.get().all().keySet();
        List<String> missing = schema.get().leaves().stream().filter(k -> !mentioned.containsKey(k)).toList();
        for (String key : missing) {
            findings.add(module.failure(item(), readme, 0, 0, "schema key " + key + " ("
                    + module.relative(schema.get().file()) + ") is not documented in the README"));
        }
        documented.forEach((key, line) -> {
            if (!keys.contains(key) && keys.stream().noneMatch(k -> key.startsWith(k + ".") && mapLike(schema.get(), k))) {
                findings.add(module.failure(item(), readme, line, 1, "the README documents key " + key
                        + ", which config.schema.json does not have"));
            }
        });
        evidence.add("schema keys " + schema.get().leaves().size() + ", documented " + (schema.get().leaves().size()
                - missing.size()) + (missing.isEmpty() ? "" : ", missing " + missing));
        evidence.add("README Configuration keys " + documented.size() + ", unknown to the schema "
                + documented.keySet().stream().filter(k -> !keys.contains(k)).toList());
        return new Measurement.Measured(evidence, findings);
    }

    private static boolean mapLike(SchemaKeys schema, String key) {
        JsonNode extra = schema.all().get(key).path("additionalProperties");
        return extra.isObject() || extra.asBoolean(false);
    }

    private void sections(ModuleUnderCheck module, Path readme, List<String> lines, List<Finding> findings,
            List<String> evidence) {
        List<String> headings = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            fenced ^= line.startsWith("```");
            Matcher m = HEADING.matcher(line);
            if (!fenced && m.matches()) {
                headings.add(m.group(2).toLowerCase(Locale.ROOT));
            }
        }
        List<String> absent = SECTIONS.stream().filter(s -> headings.stream().noneMatch(h -> h.contains(s))).toList();
        for (String section : absent) {
            findings.add(module.failure(item(), readme, 0, 0, "the README has no '" + section
                    + "' section (a heading containing the word)"));
        }
        evidence.add("seed sections present " + (SECTIONS.size() - absent.size()) + " of " + SECTIONS.size());
    }

    /**
     * Every key-like backquoted token and YAML example key of the README ({@code mentioned}), and
     * those of the Configuration section's tables and examples ({@code documented}), with their lines.
     */
    private static void collect(List<String> lines, Map<String, Integer> mentioned, Map<String, Integer> documented) {
        boolean inConfiguration = false;
        boolean fenced = false;
        List<String> yamlPath = new ArrayList<>();
        List<Integer> yamlIndent = new ArrayList<>();
        int configDepth = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.startsWith("```")) {
                fenced = !fenced;
                yamlPath.clear();
                yamlIndent.clear();
                configDepth = -1;
                continue;
            }
            if (fenced) {
                Matcher y = YAML_KEY.matcher(line);
                if (!y.matches()) {
                    continue;
                }
                int indent = y.group(1).length() + (y.group(2) == null ? 0 : y.group(2).length());
                while (!yamlIndent.isEmpty() && yamlIndent.get(yamlIndent.size() - 1) >= indent) {
                    yamlIndent.remove(yamlIndent.size() - 1);
                    yamlPath.remove(yamlPath.size() - 1);
                    if (configDepth > yamlPath.size()) {
                        configDepth = -1;
                    }
                }
                yamlIndent.add(indent);
                yamlPath.add(y.group(3));
                if (configDepth < 0 && y.group(3).equals("config")) {
                    configDepth = yamlPath.size();
                } else if (configDepth > 0 && yamlPath.size() > configDepth) {
                    String key = String.join(".", yamlPath.subList(configDepth, yamlPath.size()));
                    mentioned.putIfAbsent(key, number);
                    if (inConfiguration) {
                        documented.putIfAbsent(key, number);
                    }
                }
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                inConfiguration = h.group(2).toLowerCase(Locale.ROOT).contains("configuration");
                continue;
            }
            Matcher code = CODE.matcher(line);
            while (code.find()) {
                String token = code.group(1).strip();
                if (KEY.matcher(token).matches()) {
                    mentioned.putIfAbsent(token, number);
                }
            }
            if (inConfiguration && line.startsWith("|")) {
                String[] cells = line.split("\\|", -1);
                Matcher first = CODE.matcher(cells.length > 1 ? cells[1] : "");
                if (first.find() && KEY.matcher(first.group(1).strip()).matches()) {
                    documented.putIfAbsent(first.group(1).strip(), number);
                }
            }
        }
    }
}
