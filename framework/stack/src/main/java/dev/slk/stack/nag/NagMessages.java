package dev.slk.stack.nag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
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
 * records every unsuppressed finding next to CDK's own messages. An error is a {@code high}
 * finding, a warning a {@code medium} one; the rule id is cdk-nag's (e.g. {@code AwsSolutions-SQS3})
 * or {@code cdk} for CDK's own messages, and the location the resource's construct path.
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
    public static List<Finding> of(Path assembly, String stackName) throws IOException {
        JsonNode artifact = JSON.readTree(assembly.resolve("manifest.json").toFile()).path("artifacts").path(stackName);
        String template = artifact.path("properties").path("templateFile").asText(stackName + ".template.json");
        List<Finding> findings = new ArrayList<>();
        collect(artifact.path("metadata"), stackName, template, findings);
        // Newer cloud assemblies keep a stack's metadata in a file of its own.
        String file = artifact.path("additionalMetadataFile").asText("");
        if (!file.isEmpty()) {
            collect(JSON.readTree(assembly.resolve(file).toFile()), stackName, template, findings);
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::ruleId)
                .thenComparing(f -> ((ResourceLocation) f.location()).constructPath()));
        return List.copyOf(findings);
    }

    private static void collect(JsonNode metadata, String stack, String template, List<Finding> findings) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = metadata.properties().iterator(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String logicalId = "";
            for (JsonNode item : entry.getValue()) {
                if (item.path("type").asText().equals("aws:cdk:logicalId")) {
                    logicalId = item.path("data").asText("");
                }
            }
            for (JsonNode item : entry.getValue()) {
                Severity severity = switch (item.path("type").asText()) {
                    case "aws:cdk:error" -> Severity.HIGH;
                    case "aws:cdk:warning" -> Severity.MEDIUM;
                    default -> null;
                };
                if (severity != null) {
                    ResourceLocation at = new ResourceLocation(SourceLocation.ofFile(template), stack, logicalId,
                            entry.getKey());
                    findings.add(finding(severity, at, item.path("data").asText()));
                }
            }
        }
    }

    private static Finding finding(Severity severity, ResourceLocation at, String data) {
        String text = data.strip();
        Matcher matcher = RULE.matcher(text);
        String rule = "cdk";
        String message = firstLine(text);
        if (matcher.matches()) {
            rule = matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2));
            message = firstLine(matcher.group(3));
        }
        return new Finding(rule, severity, at, "", message, null, "",
                Fingerprints.of(rule, at.stack(), at.constructPath()), null, null);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
