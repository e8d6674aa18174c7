package dev.slk.stack.nag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the error and warning annotations of a synthesized stack from the cloud assembly's
 * {@code manifest.json}, where cdk-nag's AwsSolutionsChecks (run as an aspect during synthesis)
 * records every unsuppressed finding next to CDK's own messages.
 */
public final class NagMessages {
    private static final Pattern RULE = Pattern.compile("^([A-Za-z]+-[A-Za-z0-9]+)(\\[[^\\]]*\\])?:\\s*(.*)$",
            Pattern.DOTALL);

    private static final ObjectMapper JSON = new ObjectMapper();

    private NagMessages() {
    }

    /**
     * @param assembly the cloud assembly directory
     * @param stackName the stack
     * @return its findings, errors first, then by rule and path
     * @throws IOException when the assembly cannot be read
     */
    public static List<NagFinding> of(Path assembly, String stackName) throws IOException {
        JsonNode artifact = JSON.readTree(assembly.resolve("manifest.json").toFile()).path("artifacts").path(stackName);
        List<NagFinding> findings = new ArrayList<>();
        collect(artifact.path("metadata"), findings);
        // Newer cloud assemblies keep a stack's metadata in a file of its own.
        String file = artifact.path("additionalMetadataFile").asText("");
        if (!file.isEmpty()) {
            collect(JSON.readTree(assembly.resolve(file).toFile()), findings);
        }
        findings.sort(Comparator.comparing(NagFinding::level).thenComparing(NagFinding::rule)
                .thenComparing(NagFinding::path));
        return List.copyOf(findings);
    }

    private static void collect(JsonNode metadata, List<NagFinding> findings) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = metadata.properties().iterator(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            for (JsonNode item : entry.getValue()) {
                NagFinding.Level level = switch (item.path("type").asText()) {
                    case "aws:cdk:error" -> NagFinding.Level.ERROR;
                    case "aws:cdk:warning" -> NagFinding.Level.WARNING;
                    default -> null;
                };
                if (level != null) {
                    findings.add(finding(level, entry.getKey(), item.path("data").asText()));
                }
            }
        }
    }

    private static NagFinding finding(NagFinding.Level level, String path, String data) {
        String text = data.strip();
        Matcher matcher = RULE.matcher(text);
        if (matcher.matches()) {
            String rule = matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2));
            return new NagFinding(rule, level, path, firstLine(matcher.group(3)));
        }
        return new NagFinding("cdk", level, path, firstLine(text));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
